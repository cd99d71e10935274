import { chordArcKm as arcKm } from '../geo/great-circle.js';
import { weightOf } from './weight.js';

/** Per-territory sums of the great-circle distances from accounts to one centre each. */
export interface DistanceSums {
  /** Σ weight · km, weight = workload (missing or below 0 counts as 0). */
  weighted: Float64Array;
  weight: Float64Array;
  /** Σ km and the number of accounts measured, for the all-zero-workload fallback. */
  plain: Float64Array;
  count: Float64Array;
}

function emptySums(T: number): DistanceSums {
  return {
    weighted: new Float64Array(T),
    weight: new Float64Array(T),
    plain: new Float64Array(T),
    count: new Float64Array(T),
  };
}

/**
 * Distances from every assigned, located account to two centres of its territory at once (the
 * centroid for compactness, the rep's home for travel), 3 numbers per territory each, NaN for
 * none: that centre is skipped. One pass, no allocation per account. The plan's territory
 * indexes must already be checked (see `territorySums`).
 */
export function distanceSums(
  vectors: Float64Array,
  workload: Float64Array,
  territoryOf: Int32Array,
  centroids: Float64Array,
  homes: Float64Array,
): { toCentroid: DistanceSums; toHome: DistanceSums } {
  const T = centroids.length / 3;
  const toCentroid = emptySums(T);
  const toHome = emptySums(T);
  for (let i = 0; i < territoryOf.length; i++) {
    const t = territoryOf[i]!;
    const o = 3 * i;
    const x = vectors[o]!;
    if (t < 0 || Number.isNaN(x)) continue;
    const y = vectors[o + 1]!;
    const z = vectors[o + 2]!;
    const wi = weightOf(workload[i]!);
    const q = 3 * t;
    const cx = centroids[q]!;
    if (!Number.isNaN(cx)) {
      const km = arcKm(x, y, z, cx, centroids[q + 1]!, centroids[q + 2]!);
      toCentroid.weighted[t]! += wi * km;
      toCentroid.weight[t]! += wi;
      toCentroid.plain[t]! += km;
      toCentroid.count[t]!++;
    }
    const hx = homes[q]!;
    if (!Number.isNaN(hx)) {
      const km = arcKm(x, y, z, hx, homes[q + 1]!, homes[q + 2]!);
      toHome.weighted[t]! += wi * km;
      toHome.weight[t]! += wi;
      toHome.plain[t]! += km;
      toHome.count[t]!++;
    }
  }
  return { toCentroid, toHome };
}

/**
 * Territory t's mean distance: workload-weighted, or the plain mean when all its measured
 * workloads are 0; null when none of its accounts was measured.
 */
export function territoryMeanKm(sums: DistanceSums, t: number): number | null {
  if (sums.count[t] === 0) return null;
  const weight = sums.weight[t]!;
  return weight > 0 ? sums.weighted[t]! / weight : sums.plain[t]! / sums.count[t]!;
}

/**
 * The mean over all measured accounts: workload-weighted, or the plain mean when every measured
 * workload is 0; null when no account was measured.
 */
export function overallMeanKm(sums: DistanceSums): number | null {
  let weighted = 0;
  let weight = 0;
  let plain = 0;
  let count = 0;
  for (let t = 0; t < sums.count.length; t++) {
    weighted += sums.weighted[t]!;
    weight += sums.weight[t]!;
    plain += sums.plain[t]!;
    count += sums.count[t]!;
  }
  if (count === 0) return null;
  return weight > 0 ? weighted / weight : plain / count;
}
