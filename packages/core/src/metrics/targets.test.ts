import { describe, expect, it } from 'vitest';
import { capacityTargets } from './targets.js';

describe('capacityTargets', () => {
  it('splits the total in proportion to capacity', () => {
    // 8 × 1/4 = 2 and 8 × 3/4 = 6.
    expect([...capacityTargets(8, [1, 3])]).toEqual([2, 6]);
  });

  it('falls back to equal shares when any capacity is missing, zero or negative', () => {
    for (const capacities of [
      [1, Number.NaN, 3],
      [1, 0, 3],
      [1, -2, 3],
    ]) {
      expect([...capacityTargets(9, capacities)]).toEqual([3, 3, 3]);
    }
  });

  it('gives equal shares for equal capacities and nothing for no territories', () => {
    expect([...capacityTargets(10, [5, 5])]).toEqual([5, 5]);
    expect(capacityTargets(10, []).length).toBe(0);
  });
});
