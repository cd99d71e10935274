import { describe, expect, it } from 'vitest';
import { coverage } from './coverage.js';

describe('coverage', () => {
  it('counts reps without accounts and territories over a positive capacity', () => {
    // 4 reps; territories: T0 (rep 0, 3 accounts, workload 10 > 8), T1 (rep 1, empty),
    // T2 (rep 2, workload 5 ≤ 5), T3 (unstaffed, capacity 0: never over). Reps 1 and 3 lead no
    // territory with accounts.
    expect(
      coverage(7, [3, 0, 2, 4], [10, 0, 5, 99], [8, 6, 5, 0], Int32Array.from([0, 1, 2, -1]), 4),
    ).toEqual({ unassigned: 7, repsWithoutTerritory: 2, overCapacity: 1 });
  });
});
