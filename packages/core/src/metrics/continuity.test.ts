import { describe, expect, it } from 'vitest';
import { AccountTable } from '../table/account-table.js';
import { RepTable } from '../table/rep-table.js';
import { continuity, ownerReps } from './continuity.js';

describe('continuity', () => {
  const reps = RepTable.fromRows([{ id: 'r1' }, { id: 'r2' }]);
  const accounts = AccountTable.fromRows([
    { id: 'a1', owner: 'r1', revenue: 100 },
    { id: 'a2', owner: 'r2', revenue: 200 },
    { id: 'a3', owner: 'r2', revenue: 300 },
    { id: 'a4', owner: 'gone', revenue: 400 },
    { id: 'a5', revenue: 1000 },
    { id: 'a6', owner: 'r2', revenue: 500 },
    { id: 'a7', owner: 'r1' },
  ]);
  const ownerRep = ownerReps(accounts, reps);

  it('counts moved accounts and revenue among accounts whose owner is a known rep', () => {
    // Territory 0 → r1, territory 1 → r2, territory 2 unstaffed.
    // a1 stays (r1); a2 moves to r1; a3 stays (r2); a4's owner left and a5 has none: not
    // counted; a6 is unassigned (moved); a7 sits in the unstaffed territory (moved, no revenue).
    // Accounts: 3 of 5 moved. Revenue: (200 + 500 + 0) / (100 + 200 + 300 + 500 + 0) = 700 / 1100.
    const territoryOf = Int32Array.from([0, 0, 1, 0, 1, -1, 2]);
    const result = continuity(accounts, ownerRep, territoryOf, Int32Array.from([0, 1, -1]));
    expect(result.accountsMovedShare).toBeCloseTo(3 / 5, 12);
    expect(result.revenueMovedShare).toBeCloseTo(700 / 1100, 12);
  });

  it('is 0 when no account has a known owner', () => {
    const orphans = AccountTable.fromRows([{ id: 'x', owner: 'gone', revenue: 5 }]);
    expect(
      continuity(orphans, ownerReps(orphans, reps), Int32Array.from([-1]), Int32Array.from([])),
    ).toEqual({ accountsMovedShare: 0, revenueMovedShare: 0 });
  });
});
