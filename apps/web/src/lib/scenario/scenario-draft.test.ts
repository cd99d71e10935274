import { createBuiltinRegistry } from '@tessera/plugins';
import { describe, expect, it } from 'vitest';
import {
  checkDraft,
  draftFromStored,
  newDraft,
  runnableScenario,
  scenarioBody,
  splitMessage,
} from './scenario-draft.ts';

const registry = createBuiltinRegistry();

describe('checkDraft', () => {
  it('accepts a new draft', () => {
    expect(checkDraft(newDraft('West push'), registry).ok).toBe(true);
  });

  it("gives the parser's message, split into where and why", () => {
    const draft = {
      ...newDraft('West push'),
      edits: [{ type: 'scale', measure: 'potential', factor: -1, accounts: { ids: ['a1'] } }],
    };
    const check = checkDraft(draft, registry);
    expect(check).toEqual({
      ok: false,
      message: 'scenario "West push": edits[0].factor: must be at least 0, got -1',
      path: 'edits[0].factor',
      reason: 'must be at least 0, got -1',
    });
  });

  it("checks a built-in strategy's parameters; a plugin's are left to the worker", () => {
    const bad = { ...newDraft('x'), strategy: { id: 'geographic', params: { tolerance: -2 } } };
    const check = checkDraft(bad, registry);
    expect(!check.ok && check.path).toBe('strategy.params.tolerance');
    const plugin = { ...newDraft('x'), strategy: { id: 'round-robin', params: { any: 1 } } };
    expect(checkDraft(plugin, registry).ok).toBe(true);
  });

  it('points at the name when it is empty', () => {
    const check = checkDraft(newDraft(''), registry);
    expect(!check.ok && [check.path, check.reason]).toEqual(['name', 'must not be empty']);
  });
});

describe('splitMessage', () => {
  it('keeps a message without a path whole', () => {
    expect(splitMessage('scenario "a": only scenario version 1 is known', 'a')).toEqual({
      path: '',
      reason: 'only scenario version 1 is known',
    });
  });

  it('reads a name with a colon in it', () => {
    expect(splitMessage('scenario "a: b": edits[1].rep: must not be empty', 'a: b')).toEqual({
      path: 'edits[1].rep',
      reason: 'must not be empty',
    });
  });
});

describe('stored scenarios', () => {
  it('round-trips through the API body, the dataset named by id', () => {
    const draft = { ...newDraft('n'), description: 'd', seed: 'abc' as const };
    const body = scenarioBody(draft, 'ds_1');
    expect(body).toEqual({ ...runnableScenario(draft), dataset: { id: 'ds_1' } });
    expect(draftFromStored(body)).toEqual(draft);
  });

  it('leaves an empty description out of what runs', () => {
    expect(runnableScenario({ ...newDraft('n'), description: '' })).not.toHaveProperty(
      'description',
    );
  });
});
