import { TesseraError } from '../errors/tessera-error.js';
import type { AccountTable } from '../table/account-table.js';
import { weightOf } from './weight.js';

/** Per-territory sums from one pass over the accounts of a plan. */
export interface TerritorySums {
  territoryCount: number;
  accounts: Float64Array;
  /** Sums with missing (NaN) or infinite values counted as 0. */
  workload: Float64Array;
  potential: Float64Array;
  revenue: Float64Array;
  /** Accounts with coordinates. */
  located: Float64Array;
  /** Σ weight over located accounts, weight = workload (missing, infinite or < 0 counts as 0). */
  locatedWeight: Float64Array;
  /** Σ weight · unit vector and Σ unit vector over located accounts, 3 per territory. */
  weightedVector: Float64Array;
  plainVector: Float64Array;
  /** Accounts in no territory. */
  unassigned: number;
}

/**
 * Sums every per-territory figure in a single pass. Throws on a territory index the plan does
 * not have, so no later pass needs to check it.
 */
export function territorySums(
  accounts: AccountTable,
  vectors: Float64Array,
  territoryOf: Int32Array,
  territoryCount: number,
): TerritorySums {
  const T = territoryCount;
  const count = new Float64Array(T);
  const workloadSum = new Float64Array(T);
  const potentialSum = new Float64Array(T);
  const revenueSum = new Float64Array(T);
  const located = new Float64Array(T);
  const locatedWeight = new Float64Array(T);
  const weightedVector = new Float64Array(3 * T);
  const plainVector = new Float64Array(3 * T);
  const { workload, potential, revenue } = accounts;
  let unassigned = 0;
  for (let i = 0; i < territoryOf.length; i++) {
    const t = territoryOf[i]!;
    if (t < 0 || t >= T) {
      if (t === -1) {
        unassigned++;
        continue;
      }
      throw new TesseraError(
        'PLAN_MISMATCH',
        `account "${accounts.id.get(i)}" is in territory #${t}, which the plan does not have`,
      );
    }
    count[t]!++;
    const w = workload[i]!;
    const p = potential[i]!;
    const r = revenue[i]!;
    if (Number.isFinite(w)) workloadSum[t]! += w;
    if (Number.isFinite(p)) potentialSum[t]! += p;
    if (Number.isFinite(r)) revenueSum[t]! += r;
    const o = 3 * i;
    const x = vectors[o]!;
    if (Number.isNaN(x)) continue;
    const y = vectors[o + 1]!;
    const z = vectors[o + 2]!;
    const weight = weightOf(w);
    const q = 3 * t;
    located[t]!++;
    locatedWeight[t]! += weight;
    weightedVector[q]! += weight * x;
    weightedVector[q + 1]! += weight * y;
    weightedVector[q + 2]! += weight * z;
    plainVector[q]! += x;
    plainVector[q + 1]! += y;
    plainVector[q + 2]! += z;
  }
  return {
    territoryCount: T,
    accounts: count,
    workload: workloadSum,
    potential: potentialSum,
    revenue: revenueSum,
    located,
    locatedWeight,
    weightedVector,
    plainVector,
    unassigned,
  };
}

/**
 * Each territory's centroid as a unit vector (3 per territory): the workload-weighted sum of its
 * accounts' unit vectors, normalised, or the plain sum when all their workloads are 0. NaN when
 * the territory has no located account or the sum vanishes (accounts spread evenly round the
 * globe), so it has no centre.
 */
export function territoryCentroids(sums: TerritorySums): Float64Array {
  const T = sums.territoryCount;
  const out = new Float64Array(3 * T).fill(Number.NaN);
  for (let t = 0; t < T; t++) {
    if (sums.located[t] === 0) continue;
    const weighted = sums.locatedWeight[t]! > 0;
    const source = weighted ? sums.weightedVector : sums.plainVector;
    const mass = weighted ? sums.locatedWeight[t]! : sums.located[t]!;
    const q = 3 * t;
    const x = source[q]!;
    const y = source[q + 1]!;
    const z = source[q + 2]!;
    const norm = Math.sqrt(x * x + y * y + z * z);
    if (!(norm > 1e-9 * mass)) continue;
    out[q] = x / norm;
    out[q + 1] = y / norm;
    out[q + 2] = z / norm;
  }
  return out;
}
