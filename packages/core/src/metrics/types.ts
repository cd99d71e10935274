import type { BlockSet } from '../geo/blocks/block-set.js';
/**
 * The JSON shape of the metrics: a public contract read by the CLI, the API and the UI.
 * Every number is finite; "not defined" is `null`, never NaN (see the package README).
 */

/** How far a set of per-territory values sits from their targets; see {@link balanceStats}. */
export interface BalanceStats {
  /** max |r_t − 1|, where r_t = value_t / target_t. */
  maxDeviation: number;
  /** Coefficient of variation of the r_t (population standard deviation / mean). */
  cv: number;
  /** Gini coefficient of the r_t, in [0, 1). */
  gini: number;
  /** 100 × max(0, 1 − mean |r_t − 1|): 100 is perfect balance. */
  index: number;
}

export interface TerritoryMetrics {
  id: string;
  repId: string | null;
  accounts: number;
  workload: number;
  potential: number;
  revenue: number;
  /** The rep's capacity; 0 when unstaffed or the capacity is missing. */
  capacity: number;
  /** workload / capacity; 0 when capacity is 0. */
  utilization: number;
  /** Workload-weighted spherical centroid of the located accounts; null when none. */
  centroid: { lat: number; lon: number } | null;
  /** Workload-weighted mean great-circle distance (km) of the accounts to the centroid. */
  meanDistanceKm: number;
  /** Workload-weighted mean distance (km) to the rep's home base; null without home or accounts. */
  travelKm: number | null;
  /**
   * Connected pieces of the territory's shape (0 without located accounts): its building blocks
   * joined by shared borders, or without blocks its account places joined by Delaunay edges
   * (places whose Voronoi cells touch). 1 is one piece.
   */
  pieces: number;
  /** Pieces the geography itself forces (separate landmasses its blocks lie on); 1 without blocks. */
  requiredPieces: number;
}

export interface PlanMetrics {
  territories: TerritoryMetrics[];
  balance: { workload: BalanceStats; potential: BalanceStats; accounts: BalanceStats };
  compactness: { meanDistanceKm: number; kmeansRatio: number | null };
  travel: { meanDistanceKm: number | null };
  continuity: { accountsMovedShare: number; revenueMovedShare: number };
  /**
   * Territories in more pieces than the geography forces, and the pieces beyond those
   * (Σ max(0, pieces − requiredPieces)): both 0 for a plan of whole territories.
   */
  contiguity: { territoriesInPieces: number; extraPieces: number };
  skillMatch: { share: number };
  coverage: { unassigned: number; repsWithoutTerritory: number; overCapacity: number };
}

export interface MetricsOptions {
  /** Seed of the k-means reference (sampling and k-means++ seeding); default 0. */
  seed?: string | number;
  /** Skip the k-means reference (kmeansRatio = null); default true. */
  kmeans?: boolean;
  /**
   * The building blocks the plan was made of, with each account's block: pieces are then counted
   * on the blocks' borders rather than on the accounts' Delaunay triangulation.
   */
  blocks?: { set: BlockSet; blockOfAccount: Int32Array } | null;
  /** Skip counting pieces (each territory's pieces then 0); default true. */
  pieces?: boolean;
}

/** Accounts that changed rep between two plans, from one rep (null: none) to another. */
export interface PlanFlow {
  from: string | null;
  to: string | null;
  accounts: number;
  workload: number;
  revenue: number;
}

export interface ComparePlansOptions extends MetricsOptions {
  /** Also list the rep-to-rep flows of moved accounts; default false. */
  flows?: boolean;
}

export interface PlanComparison {
  a: PlanMetrics;
  b: PlanMetrics;
  /** b − a for every scalar summary metric, by dotted path (e.g. `balance.workload.index`). */
  delta: Record<string, number>;
  /** Accounts whose rep differs between a and b (having no rep counts as a value). */
  accountsMoved: number;
  /** accountsMoved / number of accounts; 0 for an empty table. */
  accountsMovedShare: number;
  /** Present when asked for: moved accounts grouped by (rep in a, rep in b). */
  flows?: PlanFlow[];
}
