import { describe, expect, it } from 'vitest';
import { Plan } from './plan.js';
import { planCoverage } from './plan-coverage.js';

describe('planCoverage', () => {
  it('counts assigned, owned and unassigned accounts', () => {
    const plan = new Plan(Int32Array.from([0, 1, -1, 0, -1]), [
      { id: 'T1', name: 'T1', repId: 'r1' },
      { id: 'T2', name: 'T2', repId: null },
    ]);
    expect(planCoverage(plan)).toEqual({
      accounts: 5,
      assigned: 3,
      owned: 2,
      unassigned: 2,
      share: 0.6,
    });
  });

  it('calls an empty plan complete', () => {
    expect(planCoverage(new Plan(new Int32Array(0), [])).share).toBe(1);
  });
});
