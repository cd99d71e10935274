import { describe, expect, it } from 'vitest';
import { changedKeys, mergeChanges } from './scenario-document.svelte.ts';
import { newDraft } from './scenario-draft.ts';

describe('mergeChanges', () => {
  it("puts the planner's changed fields on the other version, keeping the rest of theirs", () => {
    const base = newDraft('Plan');
    const mine = { ...base, seed: 42, edits: [{ type: 'remove-rep', rep: 'R1' }] };
    const theirs = { ...base, name: 'Plan (theirs)', strategy: { id: 'nearest', params: {} } };
    expect(changedKeys(base, mine).sort()).toEqual(['edits', 'seed']);
    expect(mergeChanges(base, mine, theirs)).toEqual({
      ...theirs,
      seed: 42,
      edits: [{ type: 'remove-rep', rep: 'R1' }],
    });
  });

  it('drops a field the planner removed', () => {
    const base = { ...newDraft('Plan'), description: 'old' };
    const mine = { ...newDraft('Plan') };
    const theirs = { ...base, seed: 3 };
    expect(mergeChanges(base, mine, theirs)).toEqual({ ...newDraft('Plan'), seed: 3 });
  });
});
