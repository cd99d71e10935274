import { describe, expect, it } from 'vitest';
import { AccountTable } from '../table/account-table.js';
import { RepTable } from '../table/rep-table.js';
import { assertPlanFits, baselinePlan, Plan } from './plan.js';

const reps = RepTable.fromRows([{ id: 'r1', name: 'Ana' }, { id: 'r2' }]);
const accounts = AccountTable.fromRows([
  { id: 'a', owner: 'r2' },
  { id: 'b', owner: 'r1' },
  { id: 'c', owner: 'left-last-year' },
  { id: 'd' },
]);

describe('baselinePlan', () => {
  it('puts each account with its owner and leaves unknown or missing owners unassigned', () => {
    const plan = baselinePlan(accounts, reps);
    expect(plan.territories).toEqual([
      { id: 'T-r1', name: 'Ana', repId: 'r1' },
      { id: 'T-r2', name: 'r2', repId: 'r2' },
    ]);
    expect(Array.from(plan.territoryOf)).toEqual([1, 0, -1, -1]);
    expect(Array.from(plan.repOf(reps))).toEqual([1, 0, -1, -1]);
  });
});

describe('Plan', () => {
  it('round-trips through plain data', () => {
    const plan = baselinePlan(accounts, reps);
    expect(Plan.fromData(structuredClone(plan.toData()))).toEqual(plan);
  });

  it('refuses to be read against another table', () => {
    const plan = new Plan(new Int32Array(2), []);
    expect(() => {
      assertPlanFits(plan, accounts);
    }).toThrow('plan covers 2 accounts but the account table has 4');
  });
});
