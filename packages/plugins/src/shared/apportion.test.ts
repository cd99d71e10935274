import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from './apportion.js';

const seats = (weights: number[], n: number) => [...apportion(weights, n)];

describe('apportion', () => {
  it('gives exact quotas when they are whole', () => {
    expect(seats([5, 3, 2], 10)).toEqual([5, 3, 2]);
  });

  it('gives the leftover seats to the largest remainders', () => {
    // quotas 4.2, 2.8, 1.4, 1.6: floors 4, 2, 1, 1 leave 2 seats for .8 and .6
    expect(seats([42, 28, 14, 16], 10)).toEqual([4, 3, 1, 2]);
  });

  it('breaks equal remainders by the lower index', () => {
    // quotas 4/3 each: floors 1, 1, 1 and one seat left
    expect(seats([1, 1, 1], 4)).toEqual([2, 1, 1]);
  });

  it('gives a small group with work one seat and shares the rest among the others', () => {
    // quotas 0.25, 1.75, 3: the first is pinned to 1; 4 seats for 3.5 : 6 → 1.47, 2.53 → 1, 2
    // and the seat left goes to the larger remainder (.53)
    expect(seats([0.5, 3.5, 6], 5)).toEqual([1, 1, 3]);
  });

  it('pins again when pinning pushes another quota below one', () => {
    // 4 seats over 1 : 1 : 3 : 95 → quotas 0.04, 0.04, 0.12: pinned; 1 seat left for the big one
    expect(seats([1, 1, 3, 95], 4)).toEqual([1, 1, 1, 1]);
    // 5 seats over 1 : 9 : 90 → quotas 0.05, 0.45, 4.5: the first two are pinned together
    expect(seats([1, 9, 90], 5)).toEqual([1, 1, 3]);
  });

  it('gives groups without work nothing', () => {
    expect(seats([0, 4, 4], 3)).toEqual([0, 2, 1]);
    expect(seats([Number.NaN, -2, Infinity, 6], 2)).toEqual([0, 0, 0, 2]);
    expect(seats([0, 0], 3)).toEqual([0, 0]);
  });

  it('with fewer seats than groups with work, gives one seat to each of the heaviest', () => {
    expect(seats([5, 1, 3], 2)).toEqual([1, 0, 1]);
    expect(seats([2, 2, 2], 1)).toEqual([1, 0, 0]);
  });

  it('handles no seats and no groups', () => {
    expect(seats([3, 4], 0)).toEqual([0, 0]);
    expect(seats([], 5)).toEqual([]);
  });

  it('always hands out every seat, at least one per group with work when it can', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 1e6, noNaN: true })), {
          maxLength: 30,
        }),
        fc.integer({ min: 0, max: 200 }),
        (weights, n) => {
          const out = apportion(weights, n);
          const withWork = weights.filter((w) => w > 0).length;
          const sum = out.reduce((s, v) => s + v, 0);
          expect(sum).toBe(withWork === 0 ? 0 : n);
          weights.forEach((w, g) => {
            if (w === 0) expect(out[g]).toBe(0);
            else if (n >= withWork) expect(out[g]).toBeGreaterThanOrEqual(1);
          });
        },
      ),
    );
  });

  it('never gives a group more than its quota rounded up, once past the minimum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 12, max: 100 }),
        (weights, n) => {
          const out = apportion(weights, n);
          const total = weights.reduce((s, w) => s + w, 0);
          weights.forEach((w, g) => {
            expect(out[g]).toBeLessThanOrEqual(Math.max(1, Math.ceil((n * w) / total)));
          });
        },
      ),
    );
  });
});
