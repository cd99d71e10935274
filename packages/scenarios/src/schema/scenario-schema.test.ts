import { definePlugin, PluginRegistry, Plan } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseScenario } from './scenario-schema.js';

const registry = new PluginRegistry();
registry.register(
  definePlugin({
    id: 'even',
    name: 'Even',
    version: '1.0.0',
    description: 'takes a tolerance',
    params: z.object({ tolerance: z.number().min(0).default(0.1) }).strict(),
    segment: ({ accounts, reps }) => ({
      plan: Plan.fromRepAssignment(reps, new Int32Array(accounts.length).fill(-1)),
    }),
  }),
);

function problem(input: unknown): string {
  try {
    parseScenario(input, { registry });
    return 'valid';
  } catch (error) {
    return (error as Error).message;
  }
}

const base = { version: 1, name: 'west-push', strategy: { id: 'even' } };
const ids = { ids: ['a1'] };

describe('parseScenario messages', () => {
  it('names a mistyped key of an edit and the key it meant', () => {
    expect(problem({ ...base, edits: [{ type: 'reassign', acounts: ids, to: 'r1' }] })).toBe(
      'scenario "west-push": edits[0]: unknown key "acounts" (did you mean "accounts"?)',
    );
    expect(problem({ ...base, edits: [{ type: 'lock', accounts: { idz: ['a1'] } }] })).toBe(
      'scenario "west-push": edits[0].accounts: unknown key "idz" (did you mean "ids"?)',
    );
    expect(problem({ ...base, seeed: 4 })).toBe(
      'scenario "west-push": unknown key "seeed" (did you mean "seed"?)',
    );
  });

  it('names the edit types and the closest one for a mistyped type', () => {
    expect(problem({ ...base, edits: [{ type: 'reasign', accounts: ids, to: 'r1' }] })).toBe(
      'scenario "west-push": edits[0].type: expected one of "add-rep", "remove-rep", "move-rep", ' +
        '"set-capacity", "reassign", "lock", "unlock", "scale", "add-accounts", ' +
        '"remove-accounts", got "reasign" (did you mean "reassign"?)',
    );
  });

  it('says what a field expected and what it got', () => {
    const scale = { type: 'scale', measure: 'workload', accounts: ids };
    expect(problem({ ...base, edits: [{ ...scale, factor: '2' }] })).toBe(
      'scenario "west-push": edits[0].factor: expected a number, got "2"',
    );
    expect(problem({ ...base, edits: [{ ...scale, factor: -1 }] })).toBe(
      'scenario "west-push": edits[0].factor: must be at least 0, got -1',
    );
    expect(problem({ ...base, edits: [{ type: 'reassign', accounts: ids }] })).toBe(
      'scenario "west-push": edits[0].to: missing (expected a string)',
    );
  });

  it("names a mistyped strategy parameter against the strategy's own schema", () => {
    expect(problem({ ...base, strategy: { id: 'even', params: { tolerence: 0.2 } } })).toBe(
      'scenario "west-push": strategy.params: unknown key "tolerence" (did you mean "tolerance"?)',
    );
    expect(problem({ ...base, strategy: { id: 'even', params: { tolerance: -1 } } })).toBe(
      'scenario "west-push": strategy.params.tolerance: must be at least 0, got -1',
    );
  });
});
