import { describe, expect, it } from 'vitest';
import { apportion, largestRemainder } from './apportion.js';

describe("D'Hondt apportionment", () => {
  it('gives 8 seats over weights 100, 80, 30, 20 as 4, 3, 1, 0', () => {
    // Quotients in order: 100, 80, 50, 40, 33.3, 30, 26.7, 25 (A, B, A, B, A, C, B, A).
    expect(Array.from(apportion([100, 80, 30, 20], 8))).toEqual([4, 3, 1, 0]);
  });

  it('puts a single seat in the largest and breaks ties by index', () => {
    expect(Array.from(apportion([5, 9, 9], 1))).toEqual([0, 1, 0]);
    expect(Array.from(apportion([1, 1], 3))).toEqual([2, 1]);
  });
});

describe('largest remainder', () => {
  it('splits 10 reps over level shares 30/35/25/10 as 3, 4, 2, 1', () => {
    // Quotas 3, 3.5, 2.5, 1: the tied remainders go to the lower index.
    expect(largestRemainder([0.3, 0.35, 0.25, 0.1], 10)).toEqual([3, 4, 2, 1]);
  });

  it('gives a single rep to the largest share', () => {
    expect(largestRemainder([0.3, 0.35, 0.25, 0.1], 1)).toEqual([0, 1, 0, 0]);
  });
});
