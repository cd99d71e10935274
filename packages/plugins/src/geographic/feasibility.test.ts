import { describe, expect, it } from 'vitest';
import {
  bandAround,
  bandExcess,
  explainInfeasible,
  maxDeviation,
  type InfeasibleInput,
} from './feasibility.js';

describe('maxDeviation and bandExcess', () => {
  it('measure how far loads are from targets and bands', () => {
    const targets = Float64Array.of(10, 20, 0);
    const load = Float64Array.of(12, 19, 0);
    expect(maxDeviation(load, targets)).toBeCloseTo(0.2, 12);
    const band = bandAround(targets, 0.1, new Float64Array(3));
    expect(Array.from(band.lo)).toEqual([9, 18, 0]);
    expect(bandExcess(load, band, targets)).toBeCloseTo(0.1, 12); // 12 is 1 over 11
    expect(bandExcess(Float64Array.of(10, 20, 0), band, targets)).toBe(0);
  });
});

describe('explainInfeasible', () => {
  const base: InfeasibleInput = {
    tolerance: 0.05,
    k: 2,
    targets: Float64Array.of(50, 50),
    largestLoad: 10,
    largestLabel: 'account "a"',
    loadedAtoms: 20,
    distinctPlaces: 20,
    pinnedLoad: new Float64Array(2),
    territoryLabel: (t) => `rep "r${t}"`,
    achieved: 0.08,
  };

  it('names the most likely cause', () => {
    expect(explainInfeasible({ ...base, loadedAtoms: 1 })).toBe(
      'only 1 accounts or units carry load for 2 territories',
    );
    expect(explainInfeasible({ ...base, largestLoad: 60 })).toBe(
      'account "a" alone is 120% of the largest territory target',
    );
    expect(explainInfeasible({ ...base, pinnedLoad: Float64Array.of(0, 70) })).toBe(
      'the locked accounts of rep "r1" alone are 140% of its target',
    );
    expect(explainInfeasible({ ...base, distinctPlaces: 1 })).toBe(
      'the accounts sit at only 1 distinct places for 2 territories',
    );
    expect(explainInfeasible(base)).toBe(
      'no plan found with every territory within ±5% of its target (best: ±8%)',
    );
  });
});
