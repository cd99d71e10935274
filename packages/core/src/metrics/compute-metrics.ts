import { fromVector } from '../geo/great-circle.js';
import { assertPlanFits, type Plan, type Territory } from '../plan/plan.js';
import type { AccountTable } from '../table/account-table.js';
import type { RepTable } from '../table/rep-table.js';
import { balanceStats } from './balance.js';
import { continuity } from './continuity.js';
import { coverage } from './coverage.js';
import { distanceSums, overallMeanKm, territoryMeanKm, type DistanceSums } from './distances.js';
import { KMEANS_REFERENCE_MIN_KM, kmeansReferenceKm } from './kmeans-reference.js';
import { metricsContext, type MetricsContext } from './metrics-context.js';
import { skillMatchShare } from './skill-match.js';
import { capacityTargets } from './targets.js';
import { territoryPieces, type TerritoryPieces } from './territory-pieces.js';
import { territoryCentroids, territorySums, type TerritorySums } from './territory-stats.js';
import type { BalanceStats, MetricsOptions, PlanMetrics, TerritoryMetrics } from './types.js';

/** The seed of the k-means reference when the caller gives none. */
export const DEFAULT_METRICS_SEED = 0;

/**
 * Every metric of a plan over these accounts and reps (formulas and edge cases in the package
 * README). Throws a TesseraError when the plan does not fit the account table.
 */
export function computeMetrics(
  accounts: AccountTable,
  reps: RepTable,
  plan: Plan,
  options: MetricsOptions = {},
): PlanMetrics {
  assertPlanFits(plan, accounts);
  return metricsInContext(metricsContext(accounts, reps), plan, options);
}

/** {@link computeMetrics} with the table-only work already done, for comparing several plans. */
export function metricsInContext(
  context: MetricsContext,
  plan: Plan,
  options: MetricsOptions = {},
): PlanMetrics {
  const { accounts, reps, vectors } = context;
  assertPlanFits(plan, accounts);
  const T = plan.territories.length;
  const territoryOf = plan.territoryOf;
  const territoryRep = plan.repIndexes(reps);
  const sums = territorySums(accounts, vectors, territoryOf, T);

  const homes = new Float64Array(3 * T).fill(Number.NaN);
  for (let t = 0; t < T; t++) {
    const r = territoryRep[t]!;
    if (r >= 0) homes.set(context.homes.subarray(3 * r, 3 * r + 3), 3 * t);
  }

  const centroids = territoryCentroids(sums);
  const { toCentroid, toHome } = distanceSums(
    vectors,
    accounts.workload,
    territoryOf,
    centroids,
    homes,
  );

  const pieces =
    options.pieces === false
      ? { pieces: new Int32Array(T), required: new Int32Array(T) }
      : territoryPieces(accounts.lon, accounts.lat, territoryOf, T, {
          blocks: options.blocks?.set ?? null,
          blockOfAccount: options.blocks?.blockOfAccount ?? null,
          locked: accounts.locked,
        });

  let kmeansRatio: number | null = null;
  if (options.kmeans !== false) {
    let k = 0;
    let located = 0;
    let locatedWeight = 0;
    for (let t = 0; t < T; t++) {
      if (sums.located[t]! > 0) k++;
      located += sums.located[t]!;
      locatedWeight += sums.locatedWeight[t]!;
    }
    const reference =
      k > 0
        ? kmeansReferenceKm(
            vectors,
            accounts.workload,
            territoryOf,
            k,
            options.seed ?? DEFAULT_METRICS_SEED,
            located,
            locatedWeight,
          )
        : 0;
    const meanDistanceKm = overallMeanKm(toCentroid) ?? 0;
    if (reference >= KMEANS_REFERENCE_MIN_KM) kmeansRatio = meanDistanceKm / reference;
  }

  return assemblePlanMetrics({
    context,
    territories: plan.territories,
    territoryRep,
    sums,
    centroids,
    toCentroid,
    toHome,
    pieces,
    kmeansRatio,
    continuity: continuity(accounts, context.ownerRep, territoryOf, territoryRep),
    skillMatch: skillMatchShare(accounts, context.skills, territoryOf, territoryRep),
  });
}

/** The measured parts of a plan's metrics, from a full pass or kept up to date by edits. */
export interface MetricsParts {
  context: MetricsContext;
  territories: readonly Territory[];
  territoryRep: Int32Array;
  sums: TerritorySums;
  centroids: Float64Array;
  toCentroid: DistanceSums;
  toHome: DistanceSums;
  pieces: TerritoryPieces;
  kmeansRatio: number | null;
  continuity: PlanMetrics['continuity'];
  skillMatch: number;
}

/** The metrics from their measured parts: what `computeMetrics` and `LiveMetrics` share. */
export function assemblePlanMetrics(parts: MetricsParts): PlanMetrics {
  const { context, territoryRep, sums, centroids, toCentroid, toHome, pieces } = parts;
  const T = parts.territories.length;
  const capacity = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    const r = territoryRep[t]!;
    if (r >= 0) capacity[t] = context.capacity[r]!;
  }
  const territories: TerritoryMetrics[] = parts.territories.map((territory, t) => {
    const workload = sums.workload[t]!;
    const cap = capacity[t]!;
    const q = 3 * t;
    return {
      id: territory.id,
      repId: territory.repId,
      accounts: sums.accounts[t]!,
      workload,
      potential: sums.potential[t]!,
      revenue: sums.revenue[t]!,
      capacity: cap,
      // Capped so a vanishing capacity cannot put Infinity in the JSON.
      utilization: cap > 0 ? Math.min(workload / cap, Number.MAX_VALUE) : 0,
      centroid: Number.isNaN(centroids[q]!)
        ? null
        : fromVector(centroids[q]!, centroids[q + 1]!, centroids[q + 2]!),
      meanDistanceKm: territoryMeanKm(toCentroid, t) ?? 0,
      travelKm: territoryMeanKm(toHome, t),
      pieces: pieces.pieces[t]!,
      requiredPieces: pieces.required[t]!,
    };
  });
  return {
    territories,
    balance: {
      workload: balanceOf(sums.workload, capacity),
      potential: balanceOf(sums.potential, capacity),
      accounts: balanceOf(sums.accounts, capacity),
    },
    compactness: { meanDistanceKm: overallMeanKm(toCentroid) ?? 0, kmeansRatio: parts.kmeansRatio },
    travel: { meanDistanceKm: overallMeanKm(toHome) },
    continuity: parts.continuity,
    contiguity: contiguityOf(territories),
    skillMatch: { share: parts.skillMatch },
    coverage: coverage(
      sums.unassigned,
      sums.accounts,
      sums.workload,
      capacity,
      territoryRep,
      context.reps.length,
    ),
  };
}

/**
 * Balance of a measure against capacity targets (values below 0 count as 0). Computed on shares,
 * value_t / total against cap_t / Σ cap, which gives the same r_t as value_t / target_t but
 * cannot underflow to a zero target however small the total.
 */
function balanceOf(values: Float64Array, capacity: Float64Array): BalanceStats {
  let total = 0;
  for (let t = 0; t < values.length; t++) if (values[t]! > 0) total += values[t]!;
  const n = values.length;
  if (!(total > 0)) return balanceStats(new Float64Array(n), new Float64Array(n));
  let shares = capacityTargets(1, capacity);
  // Capacities so lopsided that a share underflows cannot set targets: treat them as missing.
  if (shares.some((share) => !(share >= 1e-300))) shares = capacityTargets(1, new Float64Array(n));
  const normalised = Float64Array.from(values, (v) => (v > 0 ? v / total : 0));
  return balanceStats(normalised, shares);
}

function contiguityOf(territories: readonly TerritoryMetrics[]): PlanMetrics['contiguity'] {
  let territoriesInPieces = 0;
  let extraPieces = 0;
  for (const { pieces, requiredPieces } of territories) {
    if (pieces <= requiredPieces) continue;
    territoriesInPieces++;
    extraPieces += pieces - requiredPieces;
  }
  return { territoriesInPieces, extraPieces };
}
