import { describe, expect, it } from 'vitest';
import { balanceCapacity } from './balance-capacity.js';

const run = (scores: number[][], groupOf: number[], capacity: number[], work: number[]) => {
  const repGroup = Int32Array.from(groupOf);
  balanceCapacity(
    Float64Array.from(scores.flat()),
    work.length,
    repGroup,
    Float64Array.from(capacity),
    Float64Array.from(work),
  );
  return [...repGroup];
};

describe('balanceCapacity', () => {
  it('swaps interchangeable reps so the bigger capacity serves the bigger work', () => {
    // a has 30 work and a rep of capacity 1; b has 10 and a rep of capacity 3
    expect(
      run(
        [
          [0, 0],
          [0, 0],
        ],
        [0, 1],
        [1, 3],
        [30, 10],
      ),
    ).toEqual([1, 0]);
  });

  it('never gives up preference to do it', () => {
    expect(
      run(
        [
          [0, 0],
          [0, 1],
        ],
        [0, 1],
        [1, 3],
        [30, 10],
      ),
    ).toEqual([0, 1]);
  });

  it('keeps the number of reps in each group', () => {
    const out = run(
      [
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
      ],
      [0, 0, 1, 1],
      [1, 1, 2, 2],
      [30, 10],
    );
    expect(out.filter((g) => g === 0)).toHaveLength(2);
    expect(out).toEqual([1, 1, 0, 0]);
  });

  it('does nothing without usable capacities or work', () => {
    expect(
      run(
        [
          [0, 0],
          [0, 0],
        ],
        [0, 1],
        [Number.NaN, 3],
        [30, 10],
      ),
    ).toEqual([0, 1]);
    expect(
      run(
        [
          [0, 0],
          [0, 0],
        ],
        [0, 1],
        [1, 3],
        [0, 0],
      ),
    ).toEqual([0, 1]);
    expect(run([[0], [0]], [0, -1], [1, 3], [5])).toEqual([0, -1]);
  });
});
