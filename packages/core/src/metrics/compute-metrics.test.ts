import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Plan } from '../plan/plan.js';
import { createRandom } from '../random/random.js';
import { AccountTable, type AccountInput } from '../table/account-table.js';
import { RepTable } from '../table/rep-table.js';
import { computeMetrics } from './compute-metrics.js';
import { KMEANS_REFERENCE_MIN_KM, KMEANS_SAMPLE_SIZE } from './kmeans-reference.js';
import type { PlanMetrics } from './types.js';

/** 1° of arc on the equator: 6371.0088 km × π / 180. */
const DEGREE_KM = (6371.0088 * Math.PI) / 180;

/**
 * Two territories on the equator.
 *   T0 (rep r1, capacity 2, home 0°N 0°E): a1 at lon 0 (workload 2), a2 at lon 2 (workload 2)
 *   T1 (rep r2, capacity 6, no home):      a3 at lon 10 (workload 3), a4 at lon 14 (workload 3)
 *   a5 (workload 1, owner r2) is unassigned; rep r3 leads nothing.
 */
function smallCase() {
  const accounts = AccountTable.fromRows([
    {
      id: 'a1',
      lat: 0,
      lon: 0,
      workload: 2,
      potential: 5,
      revenue: 100,
      owner: 'r1',
      skillsRequired: ['lang:es'],
    },
    { id: 'a2', lat: 0, lon: 2, workload: 2, revenue: 200, owner: 'r2', industry: 'healthcare' },
    { id: 'a3', lat: 0, lon: 10, workload: 3, potential: 10, revenue: 300, owner: 'r2' },
    {
      id: 'a4',
      lat: 0,
      lon: 14,
      workload: 3,
      potential: 5,
      revenue: 400,
      owner: 'gone',
      skillsRequired: ['lang:fr'],
    },
    { id: 'a5', lat: 40, lon: -100, workload: 1, revenue: 500, owner: 'r2' },
  ]);
  const reps = RepTable.fromRows([
    { id: 'r1', lat: 0, lon: 0, capacity: 2, skills: ['lang:es'] },
    { id: 'r2', capacity: 6, skills: ['lang:fr', 'industry:retail'] },
    { id: 'r3', lat: 10, lon: 10, capacity: 4 },
  ]);
  const plan = new Plan(Int32Array.from([0, 0, 1, 1, -1]), [
    { id: 'T0', name: 'West', repId: 'r1' },
    { id: 'T1', name: 'East', repId: 'r2' },
  ]);
  return { accounts, reps, plan };
}

/** Every number in the metrics is finite (JSON.stringify would print NaN and ±Infinity as null). */
function expectFinite(value: unknown, path = 'metrics'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      expectFinite(v, `${path}[${i}]`);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) expectFinite(v, `${path}.${key}`);
  }
}

/** Whatever the data, every number in the metrics is finite. */
const finiteMetricsProperty = (() => {
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
  const account = fc.record({
    lat: maybe(fc.double({ min: -90, max: 90, noNaN: true })),
    lon: maybe(fc.double({ min: -180, max: 180, noNaN: true })),
    workload: maybe(fc.double({ min: 0, max: 1e6, noNaN: true })),
    potential: maybe(fc.double({ min: 0, max: 1e6, noNaN: true })),
    revenue: maybe(fc.double({ min: -1e3, max: 1e6, noNaN: true })),
    owner: maybe(fc.constantFrom('r0', 'r1', 'r2', 'gone')),
    industry: maybe(fc.constantFrom('retail', 'healthcare')),
    territory: fc.integer({ min: -1, max: 3 }),
  });
  const rep = fc.record({
    lat: maybe(fc.double({ min: -90, max: 90, noNaN: true })),
    capacity: maybe(fc.double({ min: 0, max: 1e3, noNaN: true })),
    skills: fc.subarray(['industry:retail', 'lang:es']),
  });
  return fc.property(
    fc.array(account, { maxLength: 25 }),
    fc.array(rep, { minLength: 3, maxLength: 3 }),
    fc.array(fc.constantFrom<string | null>('r0', 'r1', 'r2', null), {
      minLength: 4,
      maxLength: 4,
    }),
    (rows, repRows, leaders) => {
      const table = AccountTable.fromRows(
        rows.map((row, i): AccountInput => ({ ...row, id: `a${i}` })),
      );
      const repTable = RepTable.fromRows(
        repRows.map((r, i) => ({
          id: `r${i}`,
          lat: r.lat,
          lon: r.lat === null ? null : 0,
          capacity: r.capacity,
          skills: r.skills,
        })),
      );
      const territories = leaders.map((repId, t) => ({ id: `T${t}`, name: '', repId }));
      const result: PlanMetrics = computeMetrics(
        table,
        repTable,
        new Plan(
          Int32Array.from(rows, (r) => r.territory),
          territories,
        ),
        { seed: 'prop' },
      );
      expectFinite(result);
    },
  );
})();

describe('computeMetrics', () => {
  const { accounts, reps, plan } = smallCase();
  const metrics = computeMetrics(accounts, reps, plan, { seed: 1 });

  it('reports each territory', () => {
    // Centroids: equal weights → T0 at lon 1, T1 at lon 12. Mean distances 1° and 2°.
    // Travel: T0 from home lon 0: (2 · 0° + 2 · 2°) / 4 = 1°; T1's rep has no home → null.
    const [t0, t1] = metrics.territories;
    expect(t0).toMatchObject({ id: 'T0', repId: 'r1', accounts: 2, workload: 4, potential: 5 });
    expect(t0).toMatchObject({ revenue: 300, capacity: 2, utilization: 2 });
    expect(t0!.centroid!.lat).toBeCloseTo(0, 9);
    expect(t0!.centroid!.lon).toBeCloseTo(1, 9);
    expect(t0!.meanDistanceKm).toBeCloseTo(DEGREE_KM, 6);
    expect(t0!.travelKm).toBeCloseTo(DEGREE_KM, 6);
    expect(t1).toMatchObject({ id: 'T1', repId: 'r2', accounts: 2, workload: 6, potential: 15 });
    expect(t1).toMatchObject({ revenue: 700, capacity: 6, utilization: 1, travelKm: null });
    expect(t1!.centroid!.lon).toBeCloseTo(12, 9);
    expect(t1!.meanDistanceKm).toBeCloseTo(2 * DEGREE_KM, 6);
  });

  it('balances each measure against capacity targets', () => {
    // Capacities 2 : 6 → shares 1/4 and 3/4.
    // Workload 4, 6 vs targets 2.5, 7.5: r = [1.6, 0.8] → maxDev 0.6, cv 1/3, gini 1/6, index 60.
    expect(metrics.balance.workload.maxDeviation).toBeCloseTo(0.6, 12);
    expect(metrics.balance.workload.cv).toBeCloseTo(1 / 3, 12);
    expect(metrics.balance.workload.gini).toBeCloseTo(1 / 6, 12);
    expect(metrics.balance.workload.index).toBeCloseTo(60, 10);
    // Potential 5, 15 vs targets 5, 15: perfect.
    expect(metrics.balance.potential).toEqual({ maxDeviation: 0, cv: 0, gini: 0, index: 100 });
    // Accounts 2, 2 vs targets 1, 3: r = [2, 2/3] → maxDev 1, mean 4/3, std 2/3 → cv 0.5,
    // gini = 2 · (4/3) / (2 · 4 · 4/3) = 0.25, index = 100 · (1 − (1 + 1/3) / 2) = 100/3.
    expect(metrics.balance.accounts.maxDeviation).toBeCloseTo(1, 12);
    expect(metrics.balance.accounts.cv).toBeCloseTo(0.5, 12);
    expect(metrics.balance.accounts.gini).toBeCloseTo(0.25, 12);
    expect(metrics.balance.accounts.index).toBeCloseTo(100 / 3, 10);
  });

  it('measures compactness, its k-means ratio and travel', () => {
    // (4 · 1° + 6 · 2°) / 10 = 1.6°. k-means with k = 2 finds the same two pairs: ratio 1.
    expect(metrics.compactness.meanDistanceKm).toBeCloseTo(1.6 * DEGREE_KM, 6);
    expect(metrics.compactness.kmeansRatio).toBeCloseTo(1, 9);
    // Only T0's rep has a home: 1°.
    expect(metrics.travel.meanDistanceKm).toBeCloseTo(DEGREE_KM, 6);
  });

  it('measures continuity, skill match and coverage', () => {
    // Baseline: a1 (r1, stays), a2 (r2 → r1, moved), a3 (r2, stays), a5 (r2 → none, moved);
    // a4's owner left. 2 / 4 accounts; revenue (200 + 500) / (100 + 200 + 300 + 500).
    expect(metrics.continuity.accountsMovedShare).toBeCloseTo(0.5, 12);
    expect(metrics.continuity.revenueMovedShare).toBeCloseTo(700 / 1100, 12);
    // a1 lang:es with r1 ✓ (2), a2 industry:healthcare with r1 ✗ (2), a3 needs nothing ✓ (3),
    // a4 lang:fr with r2 ✓ (3): 8 / 10.
    expect(metrics.skillMatch.share).toBeCloseTo(0.8, 12);
    // a5 unassigned; r3 leads nothing; T0's workload 4 exceeds its capacity 2.
    expect(metrics.coverage).toEqual({ unassigned: 1, repsWithoutTerritory: 1, overCapacity: 1 });
  });

  it('skips the k-means reference when asked', () => {
    const quick = computeMetrics(accounts, reps, plan, { kmeans: false });
    expect(quick.compactness.kmeansRatio).toBeNull();
    expect({ ...quick, compactness: null }).toEqual({ ...metrics, compactness: null });
  });

  it('falls back to equal targets when a territory is unstaffed', () => {
    // T1 unstaffed: capacity 0 → equal targets 5 and 5 for workloads 4 and 6: r = [0.8, 1.2].
    const unstaffed = new Plan(plan.territoryOf, [
      plan.territories[0]!,
      { id: 'T1', name: '', repId: null },
    ]);
    const result = computeMetrics(accounts, reps, unstaffed, { kmeans: false });
    expect(result.balance.workload.maxDeviation).toBeCloseTo(0.2, 12);
    expect(result.balance.workload.index).toBeCloseTo(80, 10);
    expect(result.territories[1]).toMatchObject({ capacity: 0, utilization: 0, travelKm: null });
    // r2 and r3 now lead nothing.
    expect(result.coverage.repsWithoutTerritory).toBe(2);
  });

  it('is all zeros and nulls, never NaN, for an empty plan', () => {
    const empty = new Plan(new Int32Array(accounts.length).fill(-1), []);
    const result = computeMetrics(accounts, reps, empty);
    expectFinite(result);
    expect(result.compactness).toEqual({ meanDistanceKm: 0, kmeansRatio: null });
    expect(result.travel.meanDistanceKm).toBeNull();
    expect(result.balance.workload.index).toBe(100);
    expect(result.coverage).toEqual({ unassigned: 5, repsWithoutTerritory: 3, overCapacity: 0 });
  });

  it('rejects a plan that does not fit the table', () => {
    expect(() =>
      computeMetrics(accounts, reps, new Plan(new Int32Array(2), plan.territories)),
    ).toThrow(/plan covers 2 accounts/);
  });

  it('never puts NaN or Infinity in the JSON, whatever the data', () => {
    fc.assert(finiteMetricsProperty, { numRuns: 200 });
    // Regression: failed after 132 tests with kmeansRatio Infinity, from a denormal reference.
    fc.assert(finiteMetricsProperty, { numRuns: 200, seed: 1578288243 });
  });

  it('gives no k-means ratio when the reference is a denormal (the shrunk failure)', () => {
    // Territory 0 holds one account with a weight of 3e-256 at 7e-71° from the territory-1
    // account at 0°N 0°E: the reference's weighted sum underflows to 5e-324 and, divided by
    // the total weight, left a reference of ~4e-314 km; the ratio was 7.8e-6 / 4e-314.
    const accounts = AccountTable.fromRows([
      { id: 'a0', lat: -7.34577858550681e-71, lon: 0, workload: 3.024344466346949e-256 },
      { id: 'a1', lat: 0, lon: 0, workload: 5.422827485082564e-20 },
      { id: 'a2', lat: 89.99950911022201, lon: 0, workload: 1.1328463681729539e-10 },
    ]);
    const reps = RepTable.fromRows([{ id: 'r0' }]);
    const tiny = new Plan(Int32Array.from([0, 1, 1]), [
      { id: 'T0', name: '', repId: 'r0' },
      { id: 'T1', name: '', repId: 'r0' },
    ]);
    const result = computeMetrics(accounts, reps, tiny, { seed: 'prop' });
    expect(result.compactness.kmeansRatio).toBeNull();
    expect(result.compactness.meanDistanceKm).toBeCloseTo(7.84e-6, 8);
  });

  it('gives no k-means ratio when the reference is only rounding: two accounts, two territories', () => {
    // Each account is its own centre, yet rounding leaves ~4e-13 km: the ratio printed 1.
    const accounts = AccountTable.fromRows([
      { id: 'x', lat: 44.3746, lon: -21.1361, workload: 1 },
      { id: 'y', lat: 18.6196, lon: -59.3295, workload: 1 },
    ]);
    const reps = RepTable.fromRows([{ id: 'r0' }, { id: 'r1' }]);
    const result = computeMetrics(
      accounts,
      reps,
      Plan.fromRepAssignment(reps, Int32Array.from([0, 1])),
    );
    expect(result.compactness.meanDistanceKm).toBeLessThan(KMEANS_REFERENCE_MIN_KM);
    expect(result.compactness.kmeansRatio).toBeNull();
  });

  it('clusters a sample when there are many accounts, deterministically', () => {
    // Three tight groups; the plan is the grouping itself, so k-means can do no better:
    // the ratio is about 1 even though the reference only sees a sample.
    const random = createRandom('many');
    const n = KMEANS_SAMPLE_SIZE + 5000;
    const centres = [
      [40, -100],
      [33, -84],
      [45, -70],
    ] as const;
    const rows: AccountInput[] = [];
    const territoryOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const g = i % 3;
      const [lat, lon] = centres[g]!;
      rows.push({
        id: `a${i}`,
        lat: lat + random.normal() * 0.3,
        lon: lon + random.normal() * 0.3,
        workload: 1 + random.next(),
      });
      territoryOf[i] = g;
    }
    const table = AccountTable.fromRows(rows, n);
    const groupPlan = new Plan(
      territoryOf,
      [0, 1, 2].map((t) => ({ id: `T${t}`, name: '', repId: null })),
    );
    const first = computeMetrics(table, reps, groupPlan, { seed: 5 });
    const again = computeMetrics(table, reps, groupPlan, { seed: 5 });
    expect(again).toEqual(first);
    expect(first.compactness.kmeansRatio).toBeGreaterThan(0.98);
    expect(first.compactness.kmeansRatio).toBeLessThan(1.02);
  });
});
