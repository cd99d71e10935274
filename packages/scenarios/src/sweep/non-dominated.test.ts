import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominates, nonDominated } from './non-dominated.js';

describe('nonDominated', () => {
  it('keeps the trade-off frontier', () => {
    const points = [
      [0.05, 100, 0.4], // balanced, compact, disruptive
      [0.2, 120, 0.1], // calm
      [0.1, 130, 0.5], // dominated by the first
      [0.05, 100, 0.4], // a tie with the first: both stay
    ];
    expect(nonDominated(points)).toEqual([0, 1, 3]);
  });

  it('no kept point is dominated, and every dropped one is', () => {
    const point = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 30 }), (points) => {
        const kept = new Set(nonDominated(points));
        points.forEach((p, i) => {
          const dominated = points.some((q) => dominates(q, p));
          expect(kept.has(i)).toBe(!dominated);
        });
        if (points.length > 0) expect(kept.size).toBeGreaterThan(0);
      }),
    );
  });
});
