import { AccountTable } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { balanceMeasure, distanceWeights } from './measure.js';

const accounts = AccountTable.fromRows([
  { id: 'a', workload: 2, potential: 100 },
  { id: 'b', workload: 6, potential: 300 },
  { id: 'c', workload: null, potential: -5 },
]);

describe('balanceMeasure', () => {
  it('takes a single measure as it is, missing and negative values as 0', () => {
    expect(Array.from(balanceMeasure(accounts, 'workload').values)).toEqual([2, 6, 0]);
    expect(Array.from(balanceMeasure(accounts, 'potential').values)).toEqual([100, 300, 0]);
    expect(balanceMeasure(accounts, 'accounts')).toMatchObject({ total: 3, label: 'accounts' });
  });

  it('mixes measures as weighted shares of their totals', () => {
    const mix = balanceMeasure(accounts, { workload: 3, potential: 1 });
    // a: 0.75 × 2/8 + 0.25 × 100/400
    expect(mix.values[0]).toBeCloseTo(0.25, 12);
    expect(mix.values[1]).toBeCloseTo(0.75, 12);
    expect(mix.total).toBeCloseTo(1, 12);
    expect(mix.label).toBe('workload 0.75 + potential 0.25');
  });

  it('falls back to account counts when the measure sums to 0', () => {
    const idle = AccountTable.fromRows([{ id: 'a', workload: 0 }, { id: 'b' }]);
    expect(balanceMeasure(idle, 'workload')).toMatchObject({ total: 2, fellBackToAccounts: true });
    expect(balanceMeasure(idle, { workload: 1 })).toMatchObject({ fellBackToAccounts: true });
  });
});

describe('distanceWeights', () => {
  it('is the workload, with a tiny floor so no account weighs nothing', () => {
    const w = distanceWeights(accounts);
    expect(w[0]).toBe(2);
    expect(w[2]).toBeCloseTo((8 / 3) * 1e-6, 15);
  });

  it('is 1 for everyone when no account has a workload', () => {
    const idle = AccountTable.fromRows([{ id: 'a' }, { id: 'b', workload: 0 }]);
    expect(Array.from(distanceWeights(idle))).toEqual([1, 1]);
  });
});
