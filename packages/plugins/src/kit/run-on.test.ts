import { AccountTable, Plan, RepTable } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { movedLocks, planBytes, repIdsOf } from './run-on.js';

const reps = RepTable.fromRows([{ id: 'ny' }, { id: 'la' }]);
const accounts = AccountTable.fromRows([
  { id: 'a1', owner: 'la', locked: true },
  { id: 'a2', owner: 'ny', locked: true },
  { id: 'a3', owner: 'departed', locked: true },
  { id: 'a4', owner: 'la' },
]);
const plan = Plan.fromRepAssignment(reps, Int32Array.from([0, 0, 0, -1]));

describe('plan helpers', () => {
  it('reads the rep of every account', () => {
    expect(repIdsOf(plan)).toEqual(['ny', 'ny', 'ny', null]);
  });

  it('lists locked accounts that left an owner still on the team', () => {
    expect(movedLocks(plan, accounts, reps)).toEqual(['"a1" locked to "la", planned for "ny"']);
    expect(movedLocks(plan, accounts, reps, Uint8Array.from([0, 0, 0, 1]))).toEqual([
      '"a4" locked to "la", planned for null',
    ]);
  });

  it('writes the plan as the CSV a solve would', () => {
    expect(planBytes(plan, accounts)).toBe(
      'account_id,territory_id,rep_id\na1,T-ny,ny\na2,T-ny,ny\na3,T-ny,ny\na4,,\n',
    );
  });
});
