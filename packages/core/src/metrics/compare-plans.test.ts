import { describe, expect, it } from 'vitest';
import { Plan } from '../plan/plan.js';
import { AccountTable } from '../table/account-table.js';
import { RepTable } from '../table/rep-table.js';
import { comparePlans } from './compare-plans.js';
import { computeMetrics } from './compute-metrics.js';

describe('comparePlans', () => {
  const accounts = AccountTable.fromRows([
    { id: 'a1', lat: 0, lon: 0, workload: 1, revenue: 10, owner: 'r1' },
    { id: 'a2', lat: 0, lon: 1, workload: 2, revenue: 20, owner: 'r1' },
    { id: 'a3', lat: 0, lon: 5, workload: 3, revenue: 30, owner: 'r2' },
    { id: 'a4', lat: 0, lon: 6, workload: 4, revenue: 40, owner: 'r2' },
  ]);
  const reps = RepTable.fromRows([
    { id: 'r1', capacity: 5 },
    { id: 'r2', capacity: 5 },
  ]);
  const territories = [
    { id: 'T1', name: '', repId: 'r1' },
    { id: 'T2', name: '', repId: 'r2' },
  ];
  const a = new Plan(Int32Array.from([0, 0, 1, 1]), territories);
  // b: a2 goes to r2 and a4 becomes unassigned.
  const b = new Plan(Int32Array.from([0, 1, 1, -1]), territories);

  it('returns both metric sets and b − a for every summary scalar', () => {
    const result = comparePlans(accounts, reps, a, b, { kmeans: false });
    expect(result.a).toEqual(computeMetrics(accounts, reps, a, { kmeans: false }));
    expect(result.b).toEqual(computeMetrics(accounts, reps, b, { kmeans: false }));
    expect(Object.keys(result.delta).sort()).toEqual(
      [
        ...['workload', 'potential', 'accounts'].flatMap((m) =>
          ['maxDeviation', 'cv', 'gini', 'index'].map((s) => `balance.${m}.${s}`),
        ),
        'compactness.meanDistanceKm',
        'continuity.accountsMovedShare',
        'continuity.revenueMovedShare',
        'contiguity.territoriesInPieces',
        'contiguity.extraPieces',
        'skillMatch.share',
        'coverage.unassigned',
        'coverage.repsWithoutTerritory',
        'coverage.overCapacity',
      ].sort(),
    );
    // a keeps every owner; b moves a2 and a4: 2 / 4 accounts, (20 + 40) / 100 of revenue.
    expect(result.delta['continuity.accountsMovedShare']).toBeCloseTo(0.5, 12);
    expect(result.delta['continuity.revenueMovedShare']).toBeCloseTo(0.6, 12);
    expect(result.delta['coverage.unassigned']).toBe(1);
    // Workloads a: 3, 7 against 5, 5 (index 60); b: 1, 5 against 3, 3 (r = 1/3, 5/3, index 100/3).
    expect(result.delta['balance.workload.index']).toBeCloseTo(100 / 3 - 60, 10);
    expect(result.accountsMoved).toBe(2);
    expect(result.accountsMovedShare).toBe(0.5);
    expect(result.flows).toBeUndefined();
  });

  it('lists rep-to-rep flows when asked', () => {
    const result = comparePlans(accounts, reps, a, b, { kmeans: false, flows: true });
    expect(result.flows).toEqual([
      { from: 'r1', to: 'r2', accounts: 1, workload: 2, revenue: 20 },
      { from: 'r2', to: null, accounts: 1, workload: 4, revenue: 40 },
    ]);
  });

  it('has no delta for a metric that is null on either side', () => {
    const repsWithHome = RepTable.fromRows([
      { id: 'r1', lat: 0, lon: 0 },
      { id: 'r2', lat: 0, lon: 5 },
    ]);
    const result = comparePlans(
      accounts,
      repsWithHome,
      a,
      new Plan(new Int32Array(4).fill(-1), territories),
    );
    expect(result.a.travel.meanDistanceKm).not.toBeNull();
    expect(result.b.travel.meanDistanceKm).toBeNull();
    expect('travel.meanDistanceKm' in result.delta).toBe(false);
    expect('compactness.kmeansRatio' in result.delta).toBe(false);
  });
});
