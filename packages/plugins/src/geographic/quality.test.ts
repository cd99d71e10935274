// The quality bar at small scale (the benchmark checks it at full scale): on US accounts spread
// like the population, every territory within tolerance, and the mean distance within 3% of a
// reference that alternates an exact transportation LP (HiGHS) with centroid updates.
import {
  computeMetrics,
  Plan,
  RepTable,
  runStrategy,
  toUnitVector,
  EARTH_RADIUS_KM,
  weightedKMeans,
  type AccountTable,
  type Territory,
} from '@tessera/core';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import highsModule from 'highs';
import { describe, expect, it } from 'vitest';
import { geographic } from './index.js';

// highs ships CommonJS types for an ES module build: at run time the default import is the loader.
const loadHighs = highsModule as unknown as typeof highsModule.default;

const TOLERANCE = 0.05;
const places = loadUsPlaces();

describe('geographic quality', () => {
  it('stays within tolerance and within 3% of the LP reference', { timeout: 60_000 }, async () => {
    const sample = generateSample({ accounts: 1200, reps: 12, seed: 'quality', places });
    const reps = RepTable.fromRows(
      [...sample.reps.rows()].map((r) => ({ id: r.id, lat: r.lat, lon: r.lon })),
    );
    const locks = new Uint8Array(sample.accounts.length);
    const { plan, infeasible } = await runStrategy(
      geographic,
      { accounts: sample.accounts, reps, locks, seed: 1 },
      // The LP reference states the free problem: compactness alone, no rep homes.
      { tolerance: TOLERANCE, centers: 'free' },
    );
    const ours = computeMetrics(sample.accounts, reps, plan, { seed: 1 });
    expect(infeasible).toBeUndefined();
    expect(ours.balance.workload.maxDeviation).toBeLessThanOrEqual(TOLERANCE);
    const reference = await lpReference(sample.accounts, reps.length, [1, 2]);
    expect(ours.compactness.meanDistanceKm).toBeLessThanOrEqual(1.03 * reference);
  });

  it('stays within tolerance with the generated capacities and locks', async () => {
    const { accounts, reps } = generateSample({ accounts: 3000, reps: 20, seed: 'locks', places });
    const { plan, infeasible } = await runStrategy(geographic, { accounts, reps, seed: 1 });
    const metrics = computeMetrics(accounts, reps, plan, { kmeans: false });
    expect(infeasible).toBeUndefined();
    expect(metrics.balance.workload.maxDeviation).toBeLessThanOrEqual(TOLERANCE);
  });
});

/**
 * Mean distance (core's compactness) of the best reference plan over the k-means starts: solve
 * the transportation LP exactly (each territory's workload within ±5% of an equal share),
 * give each account to its largest share, move the centres to the centroids, repeat until the
 * assignment stops changing.
 */
async function lpReference(table: AccountTable, k: number, starts: number[]): Promise<number> {
  const highs = await loadHighs();
  const n = table.length;
  const w = Float64Array.from(table.workload, (x) => (x > 0 ? x : 0));
  const total = w.reduce((s, x) => s + x, 0);
  const vectors = Array.from({ length: n }, (_, i) => toUnitVector(table.lat[i]!, table.lon[i]!));
  const colStarts = Int32Array.from({ length: n * k + 1 }, (_, j) => 2 * j);
  const indices = new Int32Array(2 * n * k);
  const values = new Float64Array(2 * n * k);
  for (let j = 0; j < n * k; j++) {
    indices[2 * j] = Math.floor(j / k);
    values[2 * j] = 1;
    indices[2 * j + 1] = n + (j % k);
    values[2 * j + 1] = w[Math.floor(j / k)]!;
  }
  const rowLower = Float64Array.from({ length: n + k }, (_, r) =>
    r < n ? 1 : (total / k) * (1 - TOLERANCE),
  );
  const rowUpper = Float64Array.from({ length: n + k }, (_, r) =>
    r < n ? 1 : (total / k) * (1 + TOLERANCE),
  );
  const territories: Territory[] = Array.from({ length: k }, (_, t) => ({
    id: `R${t}`,
    name: `R${t}`,
    repId: null,
  }));
  let best = Number.POSITIVE_INFINITY;
  for (const seed of starts) {
    let centres = weightedKMeans(table, k, { seed }).centroids.map((c) =>
      toUnitVector(c.lat, c.lon),
    );
    let assignment = new Int32Array(n).fill(-1);
    for (let iteration = 0; iteration < 30; iteration++) {
      const colCost = Float64Array.from({ length: n * k }, (_, j) => {
        const a = vectors[Math.floor(j / k)]!;
        const c = centres[j % k]!;
        const chord = Math.hypot(a[0] - c[0], a[1] - c[1], a[2] - c[2]);
        return w[Math.floor(j / k)]! * 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, chord / 2));
      });
      const model = highs.createModel({
        numCols: n * k,
        numRows: n + k,
        colCost,
        colLower: new Float64Array(n * k),
        colUpper: new Float64Array(n * k).fill(1),
        rowLower,
        rowUpper,
        matrix: {
          format: 'csc',
          numRows: n + k,
          numCols: n * k,
          starts: colStarts,
          indices,
          values,
        },
      });
      model.options.set('output_flag', false);
      model.run();
      const x = model.getSolution().colValue;
      model.dispose();
      const next = Int32Array.from({ length: n }, (_, i) => {
        let bestT = 0;
        for (let t = 1; t < k; t++) if (x[i * k + t]! > x[i * k + bestT]!) bestT = t;
        return bestT;
      });
      const same = next.every((t, i) => t === assignment[i]);
      assignment = next;
      if (same) break;
      const sums = Array.from({ length: k }, () => [0, 0, 0] as [number, number, number]);
      for (let i = 0; i < n; i++) {
        for (let d = 0; d < 3; d++) sums[assignment[i]!]![d]! += w[i]! * vectors[i]![d]!;
      }
      centres = sums.map((s, t): [number, number, number] => {
        const norm = Math.hypot(...s);
        return norm > 0 ? [s[0] / norm, s[1] / norm, s[2] / norm] : centres[t]!;
      });
    }
    const metrics = computeMetrics(
      table,
      RepTable.fromRows([]),
      new Plan(assignment, territories),
      {
        kmeans: false,
      },
    );
    best = Math.min(best, metrics.compactness.meanDistanceKm);
  }
  return best;
}
