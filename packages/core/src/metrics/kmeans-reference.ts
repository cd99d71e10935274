import { createRandom } from '../random/random.js';
import { sphericalKMeans } from './spherical-kmeans.js';
import { SystematicSampler } from './weighted-sample.js';
import { weightOf } from './weight.js';

/** Above this many located, assigned accounts the k-means reference runs on a sample this big. */
export const KMEANS_SAMPLE_SIZE = 20_000;
export const KMEANS_RESTARTS = 3;

/**
 * A k-means reference below this many km (a micrometre) is rounding, not distance: the points
 * sit on no more distinct positions than there are clusters, and the compactness ratio is null.
 * A point's distance to its own centre comes out around 1e-12 km after rounding (so two
 * accounts in two territories once gave a ratio of 1), and a tiny enough weight makes the
 * reference a denormal that turns the ratio into Infinity.
 */
export const KMEANS_REFERENCE_MIN_KM = 1e-9;
export const KMEANS_MAX_ITERATIONS = 30;

/**
 * The compactness an unconstrained clustering reaches: the weighted mean great-circle distance
 * (km) of a seeded weighted k-means with k clusters over the assigned, located accounts, with
 * the same weights as compactness (workload, or 1 each when those accounts' workloads are all
 * 0). Above {@link KMEANS_SAMPLE_SIZE} such accounts it clusters a systematic sample drawn with
 * probability ∝ weight (a point drawn twice weighs 2), so the cost does not grow with the table.
 *
 * `located` and `locatedWeight` are the count and the total workload of those accounts, known
 * from the territory sums, so one pass collects the points.
 */
export function kmeansReferenceKm(
  vectors: Float64Array,
  workload: Float64Array,
  territoryOf: Int32Array,
  k: number,
  seed: string | number,
  located: number,
  locatedWeight: number,
): number {
  const random = createRandom(seed);
  const unit = !(locatedWeight > 0);
  const size = Math.min(located, KMEANS_SAMPLE_SIZE);
  const sampler =
    located > KMEANS_SAMPLE_SIZE
      ? new SystematicSampler(unit ? located : locatedWeight, size, random)
      : null;
  const points = new Float64Array(3 * size);
  const weights = new Float64Array(size);
  let m = 0;
  for (let i = 0; i < territoryOf.length && m < size; i++) {
    const o = 3 * i;
    if (territoryOf[i]! < 0 || Number.isNaN(vectors[o]!)) continue;
    const own = unit ? 1 : weightOf(workload[i]!);
    const weight = sampler === null ? own : sampler.draws(own);
    if (weight === 0) continue;
    points[3 * m] = vectors[o]!;
    points[3 * m + 1] = vectors[o + 1]!;
    points[3 * m + 2] = vectors[o + 2]!;
    weights[m] = weight;
    m++;
  }
  return sphericalKMeans(points.subarray(0, 3 * m), weights.subarray(0, m), k, random, {
    maxIterations: KMEANS_MAX_ITERATIONS,
    restarts: KMEANS_RESTARTS,
  }).meanDistanceKm;
}
