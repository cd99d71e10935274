// `geographic` on N generated US accounts (50 reps and territories up to 100k accounts, 200
// beyond), tolerance 0.05. Prints one JSON line per figure for scripts/bench.ts.
// Usage: node bench/geographic.bench.ts [N] [part …]   (parts: free turf lp lp-few reps; default all)
//
// - "geographic free": time, peak RSS, workload maxDeviation and kmeansRatio (core metrics).
// - "turf clusters-kmeans": the same accounts through @turf/clusters-kmeans (unbalanced k-means,
//   what a user would otherwise reach for): its time, time ratio to geographic and its balance
//   (its clusters have no reps, so targets are equal shares). Skipped above 200k accounts: its
//   O(n·k) iterations take minutes there.
// - "geographic vs LP reference" (N ≤ 100k): on a 5k-account sample with equal capacities and
//   no locks, the reference alternates an exact transportation LP (HiGHS: every account to a
//   territory, each territory's workload within ±5% of an equal share; cost = workload × km to
//   the centre) with centroid updates, from k-means starts, until the rounded assignment stops
//   changing; `gap` = geographic's mean distance / the reference's best start − 1 (the bar:
//   ≤ 0.03). The generated 5k / 50 case, then 10, 20 and 30 territories on three samples each
//   (part "lp-few" runs those alone).
// - "where reps live" (N ≤ 100k): centers=homes (the default), free and reps, and the nearest-rep plan that ignores
//   balance: mean km from an account to its territory's centroid and to its rep's home, the worst
//   territory's mean km to its rep, and the balance.
import {
  computeMetrics,
  EARTH_RADIUS_KM,
  Plan,
  RepTable,
  runStrategy,
  toUnitVector,
  weightedKMeans,
  type AccountTable,
  type PlanMetrics,
  type RepInput,
  type Territory,
} from '@tessera/core';
import { geographic, nearest } from '@tessera/plugins';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import clustersKmeans from '@turf/clusters-kmeans';
import { featureCollection, point } from '@turf/helpers';
import highsModule from 'highs';

// highs ships CommonJS types for an ES module build: at run time the default import is the loader.
const loadHighs = highsModule as unknown as typeof highsModule.default;

const n = Number(process.argv[2] ?? 100_000);
const parts = new Set(process.argv.slice(3));
const wants = (part: string): boolean => parts.size === 0 || parts.has(part);
const repCount = n <= 100_000 ? 50 : 200;
const tolerance = 0.05;
const seed = 'bench-geographic';
const places = loadUsPlaces();
const { accounts, reps } = generateSample({ accounts: n, reps: repCount, seed, places });

const peakRssMB = (): number => process.resourceUsage().maxRSS / 1024;
const metricsOf = (table: AccountTable, team: RepTable, plan: Plan): PlanMetrics =>
  computeMetrics(table, team, plan, { seed: 1 });

// Warm-up on a small table so the timed run measures the solve, not the JIT.
{
  const warm = generateSample({ accounts: 3000, reps: 20, seed: 'warm-up', places });
  await runStrategy(geographic, { ...warm, seed: 1 }, { tolerance, centers: 'free' });
}

let geographicMs = Number.NaN;
if (wants('free') || wants('turf')) {
  const start = performance.now();
  const result = await runStrategy(
    geographic,
    { accounts, reps, seed: 1 },
    { tolerance, centers: 'free' },
  );
  geographicMs = performance.now() - start;
  const peak = peakRssMB();
  const metrics = metricsOf(accounts, reps, result.plan);
  console.log(
    JSON.stringify({
      name: `geographic free, ${repCount} territories`,
      rows: n,
      ms: geographicMs,
      peakRssMB: peak,
      maxDeviation: metrics.balance.workload.maxDeviation,
      kmeansRatio: metrics.compactness.kmeansRatio,
      meanDistanceKm: metrics.compactness.meanDistanceKm,
      infeasible: result.infeasible?.reason ?? 'no',
    }),
  );
}

if (wants('turf')) {
  if (n > 200_000) {
    console.log(
      JSON.stringify({
        name: `turf clusters-kmeans, ${repCount} clusters`,
        rows: n,
        ms: 0,
        peakRssMB: peakRssMB(),
        skipped: 'O(n·k) per iteration: minutes at this size',
      }),
    );
  } else {
    const points = featureCollection(
      Array.from({ length: n }, (_, i) => point([accounts.lon[i]!, accounts.lat[i]!])),
    );
    const start = performance.now();
    const clustered = clustersKmeans(points, { numberOfClusters: repCount, mutate: true });
    const ms = performance.now() - start;
    const territoryOf = Int32Array.from(clustered.features, (f) => f.properties.cluster ?? -1);
    const territories: Territory[] = Array.from({ length: repCount }, (_, t) => ({
      id: `C${t}`,
      name: `cluster ${t}`,
      repId: null,
    }));
    const metrics = metricsOf(accounts, reps, new Plan(territoryOf, territories));
    console.log(
      JSON.stringify({
        name: `turf clusters-kmeans, ${repCount} clusters`,
        rows: n,
        ms,
        peakRssMB: peakRssMB(),
        timeVsGeographic: ms / geographicMs,
        maxDeviation: metrics.balance.workload.maxDeviation,
        kmeansRatio: metrics.compactness.kmeansRatio,
        meanDistanceKm: metrics.compactness.meanDistanceKm,
      }),
    );
  }
}

if (n <= 100_000 && (wants('lp') || wants('lp-few'))) {
  // The generated 5k / 50 case, then few territories on the same population-weighted geography
  // (generateSample draws each account's place with probability ∝ its population), where the
  // k-means starts have fewer, larger clusters to get wrong.
  const cases: { k: number; sampleSeed: string }[] = [];
  if (wants('lp')) cases.push({ k: 50, sampleSeed: seed });
  for (const k of [10, 20, 30]) {
    for (const s of [1, 2, 3]) cases.push({ k, sampleSeed: `${seed}-k${k}-${s}` });
  }
  for (const { k, sampleSeed } of cases) {
    const sample = generateSample({ accounts: 5000, reps: k, seed: sampleSeed, places });
    // Equal capacities and no locks: the plain balanced-clustering problem the LP states.
    const team = RepTable.fromRows(
      [...sample.reps.rows()].map((r): RepInput => ({ id: r.id, lat: r.lat, lon: r.lon })),
    );
    const noLocks = new Uint8Array(sample.accounts.length);
    const start = performance.now();
    const result = await runStrategy(
      geographic,
      { accounts: sample.accounts, reps: team, locks: noLocks, seed: 1 },
      { tolerance, centers: 'free' },
    );
    const ms = performance.now() - start;
    const ours = metricsOf(sample.accounts, team, result.plan);
    const reference = await lpReference(sample.accounts, team.length, [1, 2, 3]);
    console.log(
      JSON.stringify({
        name: `geographic vs LP reference, 5k accounts, ${k} territories`,
        sample: sampleSeed,
        rows: sample.accounts.length,
        ms,
        peakRssMB: peakRssMB(),
        meanDistanceKm: ours.compactness.meanDistanceKm,
        referenceKm: reference.best.meanKm,
        referenceWorstKm: reference.worst.meanKm,
        gap: ours.compactness.meanDistanceKm / reference.best.meanKm - 1,
        maxDeviation: ours.balance.workload.maxDeviation,
        referenceMaxDeviation: reference.best.maxDeviation,
        kmeansRatio: ours.compactness.kmeansRatio,
        referenceKmeansRatio: reference.best.kmeansRatio,
        referenceMs: reference.ms,
        referenceLps: reference.lps,
      }),
    );
  }
}

if (n <= 100_000 && wants('reps')) {
  // Where the reps live against compact territories: the mean distance from an account to its
  // territory's centroid (compactness), to its rep's home (travel), the worst territory's travel
  // and the balance, for centres pulled toward the homes, free centres, centres at the rep homes
  // and the nearest rep.
  const modes: { mode: string; run: () => ReturnType<typeof runStrategy> }[] = [
    {
      mode: 'geographic centers=homes (the default)',
      run: () => runStrategy(geographic, { accounts, reps, seed: 1 }, { tolerance }),
    },
    {
      mode: 'geographic centers=free',
      run: () =>
        runStrategy(geographic, { accounts, reps, seed: 1 }, { tolerance, centers: 'free' }),
    },
    {
      mode: 'geographic centers=reps',
      run: () =>
        runStrategy(geographic, { accounts, reps, seed: 1 }, { tolerance, centers: 'reps' }),
    },
    { mode: 'nearest', run: () => runStrategy(nearest, { accounts, reps }) },
  ];
  for (const { mode, run } of modes) {
    const start = performance.now();
    const result = await run();
    const ms = performance.now() - start;
    const metrics = metricsOf(accounts, reps, result.plan);
    const travels = metrics.territories.map((t) => t.travelKm ?? 0);
    console.log(
      JSON.stringify({
        name: `where reps live: ${mode}, ${repCount} reps`,
        rows: n,
        ms,
        peakRssMB: peakRssMB(),
        centroidKm: metrics.compactness.meanDistanceKm,
        travelKm: metrics.travel.meanDistanceKm,
        worstTerritoryTravelKm: Math.max(...travels),
        maxDeviation: metrics.balance.workload.maxDeviation,
        infeasible: result.infeasible?.reason ?? 'no',
      }),
    );
  }
}

/**
 * The reference plan: from each k-means start, solve the transportation LP (fractional
 * assignment, every account fully assigned, each territory's workload within ±tolerance of an
 * equal share, cost = workload × km to the current centre) exactly with HiGHS, give each account
 * to its largest share, move the centres to the centroids, and repeat until the assignment stops
 * changing. The best start by core's mean distance wins; the worst is returned too, to show how
 * much the starts matter.
 */
async function lpReference(
  table: AccountTable,
  k: number,
  starts: number[],
): Promise<{ best: ReferencePlan; worst: ReferencePlan; ms: number; lps: number }> {
  const highs = await loadHighs();
  const count = table.length;
  const w = Float64Array.from(table.workload, (x) => (x > 0 ? x : 0));
  const total = w.reduce((s, x) => s + x, 0);
  const vectors = Array.from({ length: count }, (_, i) =>
    toUnitVector(table.lat[i]!, table.lon[i]!),
  );
  const territories: Territory[] = Array.from({ length: k }, (_, t) => ({
    id: `R${t}`,
    name: `reference ${t}`,
    repId: null,
  }));
  const team = RepTable.fromRows([]);
  const started = performance.now();
  let lps = 0;
  let best: ReferencePlan | null = null;
  let worst: ReferencePlan | null = null;
  // Column (i, t) at i·k + t: row i (assignment, = 1) and row count + t (load, within the band).
  const starts_ = new Int32Array(count * k + 1);
  const indices = new Int32Array(2 * count * k);
  const values = new Float64Array(2 * count * k);
  for (let i = 0; i < count; i++) {
    for (let t = 0; t < k; t++) {
      const j = i * k + t;
      starts_[j + 1] = 2 * (j + 1);
      indices[2 * j] = i;
      values[2 * j] = 1;
      indices[2 * j + 1] = count + t;
      values[2 * j + 1] = w[i]!;
    }
  }
  const rowLower = new Float64Array(count + k);
  const rowUpper = new Float64Array(count + k);
  for (let i = 0; i < count; i++) {
    rowLower[i] = 1;
    rowUpper[i] = 1;
  }
  for (let t = 0; t < k; t++) {
    rowLower[count + t] = (total / k) * (1 - tolerance);
    rowUpper[count + t] = (total / k) * (1 + tolerance);
  }
  for (const s of starts) {
    const start = weightedKMeans(table, k, { seed: s });
    let centres = start.centroids.map((c) => toUnitVector(c.lat, c.lon));
    let assignment = new Int32Array(count).fill(-1);
    for (let iteration = 0; iteration < 30; iteration++) {
      const colCost = new Float64Array(count * k);
      for (let i = 0; i < count; i++) {
        for (let t = 0; t < k; t++) colCost[i * k + t] = w[i]! * km(vectors[i]!, centres[t]!);
      }
      const model = highs.createModel({
        numCols: count * k,
        numRows: count + k,
        colCost,
        colLower: new Float64Array(count * k),
        colUpper: new Float64Array(count * k).fill(1),
        rowLower,
        rowUpper,
        matrix: {
          format: 'csc',
          numRows: count + k,
          numCols: count * k,
          starts: starts_,
          indices,
          values,
        },
      });
      model.options.set('output_flag', false);
      model.run();
      const x = model.getSolution().colValue;
      model.dispose();
      lps++;
      const next = new Int32Array(count);
      for (let i = 0; i < count; i++) {
        let bestT = 0;
        for (let t = 1; t < k; t++) if (x[i * k + t]! > x[i * k + bestT]!) bestT = t;
        next[i] = bestT;
      }
      const same = next.every((t, i) => t === assignment[i]);
      assignment = next;
      if (same) break;
      const sums = Array.from({ length: k }, () => [0, 0, 0]);
      for (let i = 0; i < count; i++) {
        const v = vectors[i]!;
        const acc = sums[assignment[i]!]!;
        for (let d = 0; d < 3; d++) acc[d]! += w[i]! * v[d]!;
      }
      centres = sums.map((acc, t): [number, number, number] => {
        const norm = Math.hypot(acc[0]!, acc[1]!, acc[2]!);
        return norm > 0 ? [acc[0]! / norm, acc[1]! / norm, acc[2]! / norm] : centres[t]!;
      });
    }
    const metrics = computeMetrics(table, team, new Plan(assignment, territories), { seed: 1 });
    const candidate = {
      meanKm: metrics.compactness.meanDistanceKm,
      maxDeviation: metrics.balance.workload.maxDeviation,
      kmeansRatio: metrics.compactness.kmeansRatio,
    };
    if (best === null || candidate.meanKm < best.meanKm) best = candidate;
    if (worst === null || candidate.meanKm > worst.meanKm) worst = candidate;
  }
  return { best: best!, worst: worst!, ms: performance.now() - started, lps };
}

interface ReferencePlan {
  meanKm: number;
  maxDeviation: number;
  kmeansRatio: number | null;
}

function km(a: readonly number[], b: readonly number[]): number {
  const chord = Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, chord / 2));
}
