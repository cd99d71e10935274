import { TesseraError } from '../errors/tessera-error.js';
import { chordArcKm as arcKm } from '../geo/great-circle.js';
import { Plan, assertPlanFits } from '../plan/plan.js';
import type { AccountTable } from '../table/account-table.js';
import type { RepTable } from '../table/rep-table.js';
import type { LocatedBlocks } from '../geo/blocks/blocks-for-units.js';
import { assemblePlanMetrics } from './compute-metrics.js';
import { continuity } from './continuity.js';
import type { DistanceSums } from './distances.js';
import { metricsContext, type MetricsContext } from './metrics-context.js';
import { skillMatchShare } from './skill-match.js';
import { PiecesGraph } from './territory-pieces.js';
import { territoryCentroids, territorySums, type TerritorySums } from './territory-stats.js';
import type { PlanMetrics } from './types.js';
import { weightOf } from './weight.js';

export interface LiveMetricsOptions {
  /** The blocks the plan is made of (`planBlocks`): pieces are counted on them. */
  blocks?: LocatedBlocks | null;
}

/**
 * The metrics of a plan being edited, kept up to date move by move: what an editor shows after
 * every reassignment without measuring the whole plan again. `assign` updates each territory's
 * sums in O(accounts moved); `metrics()` then re-measures distances only for the territories an
 * edit touched (one pass that skips the rest), counts pieces on a graph built once
 * (`PiecesGraph`) and gives the same `PlanMetrics` as `computeMetrics(…, { kmeans: false })`
 * on the edited plan (the k-means reference is not live: `kmeansRatio` is null).
 */
export class LiveMetrics {
  readonly #context: MetricsContext;
  readonly #territories: Plan['territories'];
  readonly #territoryOf: Int32Array;
  readonly #territoryRep: Int32Array;
  readonly #sums: TerritorySums;
  readonly #toCentroid: DistanceSums;
  readonly #toHome: DistanceSums;
  readonly #dirty: Uint8Array;
  readonly #graph: PiecesGraph;
  #cached: PlanMetrics | null = null;

  constructor(
    accounts: AccountTable,
    reps: RepTable,
    plan: Plan,
    options: LiveMetricsOptions = {},
  ) {
    assertPlanFits(plan, accounts);
    const k = plan.territories.length;
    this.#context = metricsContext(accounts, reps);
    this.#territories = plan.territories;
    this.#territoryOf = Int32Array.from(plan.territoryOf);
    this.#territoryRep = plan.repIndexes(reps);
    this.#sums = territorySums(accounts, this.#context.vectors, this.#territoryOf, k);
    this.#toCentroid = emptySums(k);
    this.#toHome = emptySums(k);
    this.#dirty = new Uint8Array(k).fill(1);
    this.#graph = options.blocks
      ? PiecesGraph.ofBlocks(options.blocks.set, options.blocks.blockOfAccount)
      : PiecesGraph.ofPlaces(accounts.lon, accounts.lat);
  }

  /** The plan as edited so far. */
  plan(): Plan {
    return new Plan(Int32Array.from(this.#territoryOf), this.#territories);
  }

  /** Each account's territory now (-1: unassigned); a view, not to be written. */
  get territoryOf(): Int32Array {
    return this.#territoryOf;
  }

  /**
   * Moves accounts to territory `to` (-1 unassigns them); returns how many changed territory.
   * Throws on an account or territory the plan does not have, before changing anything.
   */
  assign(accountIndexes: ArrayLike<number>, to: number): number {
    const k = this.#territories.length;
    const n = this.#territoryOf.length;
    if (!Number.isInteger(to) || to < -1 || to >= k) {
      throw new TesseraError('PLAN_MISMATCH', `territory #${to} is not in the plan (it has ${k})`);
    }
    for (let j = 0; j < accountIndexes.length; j++) {
      const i = accountIndexes[j]!;
      if (!Number.isInteger(i) || i < 0 || i >= n) {
        throw new TesseraError('PLAN_MISMATCH', `account #${i} is not in the table (it has ${n})`);
      }
    }
    let moved = 0;
    for (let j = 0; j < accountIndexes.length; j++) {
      const i = accountIndexes[j]!;
      const from = this.#territoryOf[i]!;
      if (from === to) continue;
      this.#add(i, from, -1);
      this.#add(i, to, 1);
      this.#territoryOf[i] = to;
      moved++;
    }
    if (moved > 0) this.#cached = null;
    return moved;
  }

  /** The plan's metrics now, as `computeMetrics(…, { kmeans: false })` would give them. */
  metrics(): PlanMetrics {
    if (this.#cached) return this.#cached;
    const context = this.#context;
    const k = this.#territories.length;
    const centroids = territoryCentroids(this.#sums);
    this.#measureDirty(centroids);
    const { accounts } = context;
    const pieces = this.#graph.count(this.#territoryOf, k, accounts.locked);
    this.#cached = assemblePlanMetrics({
      context,
      territories: this.#territories,
      territoryRep: this.#territoryRep,
      sums: this.#sums,
      centroids,
      toCentroid: this.#toCentroid,
      toHome: this.#toHome,
      pieces,
      kmeansRatio: null,
      continuity: continuity(accounts, context.ownerRep, this.#territoryOf, this.#territoryRep),
      skillMatch: skillMatchShare(accounts, context.skills, this.#territoryOf, this.#territoryRep),
    });
    return this.#cached;
  }

  /** Adds (sign 1) or removes (sign −1) account i's figures to territory t's sums. */
  #add(i: number, t: number, sign: 1 | -1): void {
    const sums = this.#sums;
    if (t < 0) {
      sums.unassigned += sign;
      return;
    }
    this.#dirty[t] = 1;
    const { workload, potential, revenue } = this.#context.accounts;
    sums.accounts[t]! += sign;
    const w = workload[i]!;
    const p = potential[i]!;
    const r = revenue[i]!;
    if (Number.isFinite(w)) sums.workload[t]! += sign * w;
    if (Number.isFinite(p)) sums.potential[t]! += sign * p;
    if (Number.isFinite(r)) sums.revenue[t]! += sign * r;
    const vectors = this.#context.vectors;
    const o = 3 * i;
    const x = vectors[o]!;
    if (Number.isNaN(x)) return;
    const weight = weightOf(w);
    const q = 3 * t;
    sums.located[t]! += sign;
    sums.locatedWeight[t]! += sign * weight;
    sums.weightedVector[q]! += sign * weight * x;
    sums.weightedVector[q + 1]! += sign * weight * vectors[o + 1]!;
    sums.weightedVector[q + 2]! += sign * weight * vectors[o + 2]!;
    sums.plainVector[q]! += sign * x;
    sums.plainVector[q + 1]! += sign * vectors[o + 1]!;
    sums.plainVector[q + 2]! += sign * vectors[o + 2]!;
  }

  /** Distances to the centroid and the rep's home, again, for the territories edits touched. */
  #measureDirty(centroids: Float64Array): void {
    const dirty = this.#dirty;
    const { vectors, homes, accounts } = this.#context;
    const homeOf = new Float64Array(centroids.length).fill(Number.NaN);
    for (let t = 0; t < dirty.length; t++) {
      const r = this.#territoryRep[t]!;
      if (r >= 0) homeOf.set(homes.subarray(3 * r, 3 * r + 3), 3 * t);
      if (dirty[t] === 0) continue;
      for (const sums of [this.#toCentroid, this.#toHome]) {
        sums.weighted[t] = 0;
        sums.weight[t] = 0;
        sums.plain[t] = 0;
        sums.count[t] = 0;
      }
    }
    const territoryOf = this.#territoryOf;
    const workload = accounts.workload;
    for (let i = 0; i < territoryOf.length; i++) {
      const t = territoryOf[i]!;
      if (t < 0 || dirty[t] === 0) continue;
      const o = 3 * i;
      const x = vectors[o]!;
      if (Number.isNaN(x)) continue;
      const y = vectors[o + 1]!;
      const z = vectors[o + 2]!;
      const wi = weightOf(workload[i]!);
      const q = 3 * t;
      if (!Number.isNaN(centroids[q]!)) {
        accumulate(
          this.#toCentroid,
          t,
          wi,
          arcKm(x, y, z, centroids[q]!, centroids[q + 1]!, centroids[q + 2]!),
        );
      }
      if (!Number.isNaN(homeOf[q]!)) {
        accumulate(this.#toHome, t, wi, arcKm(x, y, z, homeOf[q]!, homeOf[q + 1]!, homeOf[q + 2]!));
      }
    }
    dirty.fill(0);
  }
}

function accumulate(sums: DistanceSums, t: number, weight: number, km: number): void {
  sums.weighted[t]! += weight * km;
  sums.weight[t]! += weight;
  sums.plain[t]! += km;
  sums.count[t]!++;
}

function emptySums(k: number): DistanceSums {
  return {
    weighted: new Float64Array(k),
    weight: new Float64Array(k),
    plain: new Float64Array(k),
    count: new Float64Array(k),
  };
}
