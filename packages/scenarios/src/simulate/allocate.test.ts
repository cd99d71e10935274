import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePriority } from './allocate.js';
import { DEFAULT_RESPONSE_MODEL } from './model.js';

const model = DEFAULT_RESPONSE_MODEL;
const marginal = (x: number, e: number) => e / (e + (1 - e) * x) ** 2;

function allocate(need: number[], upside: number[], capacity: number): Float64Array {
  const coverage = new Float64Array(need.length);
  const members = Int32Array.from(need, (_, i) => i);
  allocatePriority(
    members,
    Float64Array.from(need),
    Float64Array.from(upside),
    capacity,
    model,
    coverage,
  );
  return coverage;
}

describe('allocatePriority', () => {
  it('solves the two-account case by hand', () => {
    // κ = 90 and 10: u = 1.3 / (4√3), x = (√(0.3κ)·u − 0.3) / 0.7 = 27/28 and 1/28.
    const x = allocate([10, 10], [900, 100], 10);
    expect(x[0]).toBeCloseTo(27 / 28, 12);
    expect(x[1]).toBeCloseTo(1 / 28, 12);
  });

  it('leaves the least valuable account without effort when time is short', () => {
    const x = allocate([10, 10], [900, 10], 5);
    expect(x[1]).toBe(0);
    expect(x[0]).toBeCloseTo(0.5, 12);
  });

  it('caps every account at maxCoverage', () => {
    const x = allocate([10, 10], [1e9, 100], 18);
    expect(x[0]).toBe(1.5);
    expect(x[1]).toBeCloseTo(0.3, 12);
  });

  it('gives no effort to an account with nothing to win', () => {
    const x = allocate([10, 10], [0, 100], 10);
    expect(x[0]).toBe(0);
    expect(x[1]).toBe(1);
  });

  it('spends the capacity and equalises the marginal revenue per unit of time', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            need: fc.double({ min: 0.5, max: 50, noNaN: true }),
            upside: fc.double({ min: 1, max: 1e6, noNaN: true }),
          }),
          { minLength: 2, maxLength: 30 },
        ),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (accounts, fraction) => {
          const need = accounts.map((a) => a.need);
          const upside = accounts.map((a) => a.upside);
          const total = need.reduce((s, n) => s + n, 0);
          const capacity = fraction * total * model.maxCoverage;
          const x = allocate(need, upside, capacity);
          const used = need.reduce((s, n, i) => s + n * x[i]!, 0);
          expect(used).toBeLessThanOrEqual(capacity * (1 + 1e-12));
          expect(used).toBeGreaterThanOrEqual(capacity * (1 - 1e-9));
          // KKT: accounts strictly between 0 and the cap share one marginal value λ; those at
          // 0 are worth less than λ at the margin, those at the cap more.
          const values = accounts.map(
            (a, i) => (a.upside / a.need) * marginal(x[i]!, model.elasticity),
          );
          const interior = values.filter(
            (_, i) => x[i]! > 1e-9 && x[i]! < model.maxCoverage - 1e-9,
          );
          if (interior.length > 0) {
            const lambda = interior[0]!;
            for (const v of interior) expect(v / lambda).toBeCloseTo(1, 6);
            values.forEach((v, i) => {
              if (x[i] === 0) expect(v).toBeLessThanOrEqual(lambda * (1 + 1e-6));
              if (x[i] === model.maxCoverage) expect(v).toBeGreaterThanOrEqual(lambda * (1 - 1e-6));
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
