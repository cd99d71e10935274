import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignRepsToGroups } from './assign-reps.js';

const assign = (scores: number[][], seats: number[]) => [
  ...assignRepsToGroups(Float64Array.from(scores.flat()), scores.length, Int32Array.from(seats)),
];

/** The best total score over every way to fill the seats, by brute force. */
function bestTotal(scores: number[][], seats: number[]): number {
  let best = -Infinity;
  const left = [...seats];
  const walk = (r: number, total: number): void => {
    if (r === scores.length) {
      if (left.every((v) => v === 0)) best = Math.max(best, total);
      return;
    }
    for (let g = 0; g < seats.length; g++) {
      if (left[g]! === 0) continue;
      left[g]!--;
      walk(r + 1, total + scores[r]![g]!);
      left[g]!++;
    }
  };
  walk(0, 0);
  return best;
}

describe('assignRepsToGroups', () => {
  it('finds the best overall fit where taking each rep in turn would not', () => {
    // rep 0 fits both groups; rep 1 only the first: rep 0 must give way
    expect(
      assign(
        [
          [1, 0.9],
          [1, 0],
        ],
        [1, 1],
      ),
    ).toEqual([1, 0]);
  });

  it('fills every group with exactly its seats', () => {
    const out = assign(
      [
        [3, 0, 0],
        [3, 0, 0],
        [3, 0, 0],
        [0, 0, 1],
      ],
      [1, 2, 1],
    );
    expect(out.filter((g) => g === 0)).toHaveLength(1);
    expect(out.filter((g) => g === 1)).toHaveLength(2);
    expect(out[3]).toBe(2);
  });

  it('leaves reps beyond the seats without a group, and keeps ties in rep order', () => {
    expect(assign([[0], [0], [0]], [2])).toEqual([0, 0, -1]);
    expect(assign([], [])).toEqual([]);
    expect(assign([[1, 2]], [0, 0])).toEqual([-1]);
  });

  it('matches brute force on small random cases', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((groups) =>
          fc.record({
            scores: fc.array(
              fc.array(fc.integer({ min: 0, max: 5 }), { minLength: groups, maxLength: groups }),
              { minLength: 1, maxLength: 6 },
            ),
            cuts: fc.array(fc.integer({ min: 0, max: 6 }), {
              minLength: groups - 1,
              maxLength: groups - 1,
            }),
          }),
        ),
        ({ scores, cuts }) => {
          // Split the reps into seat counts that add up to the rep count.
          const bounds = [0, ...cuts.map((c) => Math.min(c, scores.length)).sort((a, b) => a - b)];
          const seats = bounds.map((b, i) => (bounds[i + 1] ?? scores.length) - b);
          const out = assign(scores, seats);
          seats.forEach((n, g) => {
            expect(out.filter((x) => x === g)).toHaveLength(n);
          });
          const total = out.reduce((sum, g, r) => sum + scores[r]![g]!, 0);
          expect(total).toBe(bestTotal(scores, seats));
        },
      ),
    );
  });
});
