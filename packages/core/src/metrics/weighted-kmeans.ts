import { TesseraError } from '../errors/tessera-error.js';
import { fromVector } from '../geo/great-circle.js';
import { createRandom } from '../random/random.js';
import type { AccountTable } from '../table/account-table.js';
import { accountVectors } from './account-vectors.js';
import { sphericalKMeans } from './spherical-kmeans.js';
import { weightOf } from './weight.js';

export interface WeightedKMeansOptions {
  seed: string | number;
  /** One weight per account; default the workload. Missing, infinite or < 0 counts as 0. */
  weights?: ArrayLike<number>;
  /** Lloyd iterations per restart at most; default 100. */
  maxIterations?: number;
  /** k-means++ seedings tried, keeping the best; default 3. */
  restarts?: number;
}

export interface WeightedKMeansResult {
  /** Cluster of each account; -1 for an account without coordinates. */
  assignment: Int32Array;
  /** Up to k centres (fewer when the accounts have fewer distinct weighted positions). */
  centroids: { lat: number; lon: number }[];
  /** Weighted mean great-circle distance (km) from the accounts to their centroid. */
  meanDistanceKm: number;
}

/**
 * Seeded weighted k-means of the accounts on the sphere (see `sphericalKMeans`): the same seed,
 * data and options give the same clusters. Accounts are weighted by workload (or `weights`);
 * when every located account weighs 0 they all weigh 1. Zero-weight accounts do not move the
 * centres but are assigned to their nearest one.
 */
export function weightedKMeans(
  accounts: AccountTable,
  k: number,
  options: WeightedKMeansOptions,
): WeightedKMeansResult {
  if (!Number.isInteger(k) || k < 1) {
    throw new TesseraError('KMEANS_K', `k-means needs a whole number of clusters ≥ 1, got ${k}`);
  }
  const n = accounts.length;
  const source = options.weights ?? accounts.workload;
  if (source.length !== n) {
    throw new TesseraError(
      'KMEANS_WEIGHTS',
      `k-means got ${source.length} weights for ${n} accounts`,
    );
  }
  const vectors = accountVectors(accounts);
  let total = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(vectors[3 * i]!)) total += weightOf(source[i]!);
  const unit = !(total > 0);
  const weighted: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(vectors[3 * i]!) && (unit || weightOf(source[i]!) > 0)) weighted.push(i);
  }
  const m = weighted.length;
  const points = new Float64Array(3 * m);
  const weights = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const i = weighted[j]!;
    points.set(vectors.subarray(3 * i, 3 * i + 3), 3 * j);
    weights[j] = unit ? 1 : weightOf(source[i]!);
  }
  const result = sphericalKMeans(points, weights, k, createRandom(options.seed), {
    maxIterations: options.maxIterations ?? 100,
    restarts: options.restarts ?? 3,
  });
  const centres = result.centres;
  const c = centres.length / 3;

  const assignment = new Int32Array(n).fill(-1);
  for (let j = 0; j < m; j++) assignment[weighted[j]!] = result.assignment[j]!;
  for (let i = 0; i < n && c > 0; i++) {
    const o = 3 * i;
    if (assignment[i] !== -1 || Number.isNaN(vectors[o]!)) continue;
    let best = 0;
    let bestDot = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < c; j++) {
      const q = 3 * j;
      const dot =
        vectors[o]! * centres[q]! +
        vectors[o + 1]! * centres[q + 1]! +
        vectors[o + 2]! * centres[q + 2]!;
      if (dot > bestDot) {
        bestDot = dot;
        best = j;
      }
    }
    assignment[i] = best;
  }
  const centroids: { lat: number; lon: number }[] = [];
  for (let j = 0; j < c; j++) {
    // Centres are unit vectors, never the zero vector fromVector rejects.
    centroids.push(fromVector(centres[3 * j]!, centres[3 * j + 1]!, centres[3 * j + 2]!)!);
  }
  return { assignment, centroids, meanDistanceKm: result.meanDistanceKm };
}
