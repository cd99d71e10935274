import { AccountTable, Plan, RepTable } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { compareSimulations } from './compare.js';

const accounts = AccountTable.fromRows(
  Array.from({ length: 60 }, (_, i) => ({
    id: `a${i}`,
    lat: 40 + (i % 6) / 10,
    lon: -74 + (i % 5) / 10,
    potential: 1000 * (1 + (i % 4)),
    revenue: i % 2 ? 400 : 0,
    workload: 4,
    industry: i % 3 ? 'retail' : 'health',
    region: 'NY',
  })),
);
const reps = RepTable.fromRows([
  { id: 'r1', lat: 40.2, lon: -73.8, capacity: 120 },
  { id: 'r2', lat: 40.3, lon: -73.9, capacity: 120 },
]);
const territories = [
  { id: 'T-r1', name: 'r1', repId: 'r1' },
  { id: 'T-r2', name: 'r2', repId: 'r2' },
];
// Base: r1 holds 50 accounts, r2 ten. Proposal: 30 each.
const base = new Plan(
  Int32Array.from({ length: 60 }, (_, i) => (i < 50 ? 0 : 1)),
  territories,
);
const proposal = new Plan(
  Int32Array.from({ length: 60 }, (_, i) => (i < 30 ? 0 : 1)),
  territories,
);

describe('compareSimulations', () => {
  it('is the difference of the two simulations without uncertainty', () => {
    const certain = { accountSigma: 0, segmentSigma: 0 };
    const comparison = compareSimulations(accounts, reps, base, proposal, {
      draws: 3,
      model: certain,
    });
    const gain = comparison.proposal.total.expected - comparison.base.total.expected;
    expect(gain).toBeGreaterThan(0); // balancing two reps' load pays under a concave response
    expect(comparison.gain.expected).toBeCloseTo(gain, 6);
    expect(comparison.gain.p10).toBeCloseTo(gain, 6);
    expect(comparison.gainShare!.expected).toBeCloseTo(gain / comparison.base.total.expected, 12);
    expect(comparison.probabilityOfGain).toBe(1);
    expect(comparison.travelCostChange).toBeCloseTo(
      comparison.proposal.total.travelCost - comparison.base.total.travelCost,
      9,
    );
    expect(comparison.netGain).toBeCloseTo(gain - comparison.travelCostChange, 6);
  });

  it('states the gain on paired draws: far narrower than either forecast', () => {
    const comparison = compareSimulations(accounts, reps, base, proposal, {
      draws: 500,
      seed: 'paired',
    });
    const forecastWidth = comparison.proposal.total.p90 - comparison.proposal.total.p10;
    const gainWidth = comparison.gain.p90 - comparison.gain.p10;
    expect(gainWidth).toBeLessThan(forecastWidth / 3);
    expect(comparison.gain.p10).toBeLessThanOrEqual(comparison.gain.p50);
    expect(comparison.gain.p50).toBeLessThanOrEqual(comparison.gain.p90);
    expect(comparison.gainShare!.p10).toBeLessThanOrEqual(comparison.gainShare!.p90);
  });

  it('has no gain share when the base earns nothing', () => {
    const empty = AccountTable.fromRows([{ id: 'a', potential: 0, workload: 1 }]);
    const plan = new Plan(new Int32Array([0]), territories);
    const comparison = compareSimulations(empty, reps, plan, plan, { draws: 5 });
    expect(comparison.gainShare).toBeNull();
  });
});
