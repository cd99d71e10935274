import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceStats } from './balance.js';

describe('balanceStats', () => {
  it('matches a hand-computed case', () => {
    // Workloads 4 and 6 against targets 2.5 and 7.5 (capacities 1:3 of a total 10):
    // r = [1.6, 0.8]; maxDeviation = 0.6; mean r = 1.2; population std = 0.4 → cv = 1/3;
    // gini = (|1.6 − 0.8| + |0.8 − 1.6|) / (2 · 2² · 1.2) = 1.6 / 9.6 = 1/6;
    // index = 100 · (1 − (0.6 + 0.2) / 2) = 60.
    const stats = balanceStats([4, 6], [2.5, 7.5]);
    expect(stats.maxDeviation).toBeCloseTo(0.6, 12);
    expect(stats.cv).toBeCloseTo(1 / 3, 12);
    expect(stats.gini).toBeCloseTo(1 / 6, 12);
    expect(stats.index).toBeCloseTo(60, 10);
  });

  it('computes the Gini coefficient by the mean absolute difference', () => {
    // r = [0, 0, 0, 4]: Σ_i Σ_j |r_i − r_j| = 2 · 3 · 4 = 24; mean = 1 → 24 / (2 · 16 · 1) = 0.75.
    // mean |r − 1| = (1 + 1 + 1 + 3) / 4 = 1.5 → index clamps to 0; cv = √3 (std √3, mean 1).
    const stats = balanceStats([0, 0, 0, 4], [1, 1, 1, 1]);
    expect(stats.gini).toBeCloseTo(0.75, 12);
    expect(stats.index).toBe(0);
    expect(stats.maxDeviation).toBe(3);
    expect(stats.cv).toBeCloseTo(Math.sqrt(3), 12);
  });

  it('treats missing and negative values as 0', () => {
    // r = [0, 0, 2] against targets 1: mean 2/3, maxDeviation 1.
    const stats = balanceStats([Number.NaN, -5, 2], [1, 1, 1]);
    expect(stats.maxDeviation).toBe(1);
    expect(stats.index).toBeCloseTo(100 * (1 - 3 / 3), 12);
  });

  it('defines the edge cases without NaN', () => {
    expect(balanceStats([], [])).toEqual({ maxDeviation: 0, cv: 0, gini: 0, index: 100 });
    // A total of 0: every target is 0 and every value is 0, so every territory is on target.
    expect(balanceStats([0, 0], [0, 0])).toEqual({ maxDeviation: 0, cv: 0, gini: 0, index: 100 });
    // Everyone at 0 against positive targets: off by 100 %, but no spread.
    expect(balanceStats([0, 0], [1, 2])).toEqual({ maxDeviation: 1, cv: 0, gini: 0, index: 0 });
  });

  it('rejects a value against a zero target and mismatched lengths', () => {
    expect(() => balanceStats([1, 2], [0, 3])).toThrow(/territory #0 has value 1 but target 0/);
    expect(() => balanceStats([1], [1, 2])).toThrow(/1 values but 2 targets/);
  });

  it('keeps index in [0, 100], gini in [0, 1) and cv ≥ 0 for positive inputs', () => {
    const positive = fc.double({ min: 1e-3, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 30 })
          .chain((n) =>
            fc.tuple(
              fc.array(positive, { minLength: n, maxLength: n }),
              fc.array(positive, { minLength: n, maxLength: n }),
            ),
          ),
        ([values, targets]) => {
          const stats = balanceStats(values, targets);
          expect(stats.index).toBeGreaterThanOrEqual(0);
          expect(stats.index).toBeLessThanOrEqual(100);
          expect(stats.gini).toBeGreaterThanOrEqual(0);
          expect(stats.gini).toBeLessThan(1);
          expect(stats.cv).toBeGreaterThanOrEqual(0);
          expect(stats.maxDeviation).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('scores values equal to their targets as perfect balance', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), { minLength: 1 }),
        (values) => {
          const stats = balanceStats(values, values);
          expect(stats).toEqual({ maxDeviation: 0, cv: 0, gini: 0, index: 100 });
        },
      ),
    );
  });
});
