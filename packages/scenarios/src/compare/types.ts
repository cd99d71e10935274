import type { PlanMetrics } from '@tessera/core';

/** Where an account sits in one scenario of a pair: a territory, or one of these. */
export const UNASSIGNED_ROW = '(unassigned)';
export const ABSENT_ROW = '(not in scenario)';

/**
 * Accounts between the territories of two scenarios: `accounts[f][t]` went from `from[f]` in
 * the first to `to[t]` in the second. The last two rows and columns are {@link UNASSIGNED_ROW}
 * and {@link ABSENT_ROW} (an account one scenario added or removed).
 */
export interface FlowMatrix {
  from: string[];
  to: string[];
  accounts: number[][];
  workload: number[][];
}

/**
 * The accounts that changed hands between two scenarios, as columns: `index[k]` is the row in
 * the second scenario's accounts (or, for an account only the first has, -1 and `indexInA[k]`
 * is its row there); `from[k]` / `to[k]` index the flow matrix's rows and columns.
 */
export interface MovedAccounts {
  count: number;
  indexInA: Int32Array;
  indexInB: Int32Array;
  from: Int32Array;
  to: Int32Array;
}

export interface PairComparison {
  /** Positions of the two scenarios in the comparison. */
  a: number;
  b: number;
  /** Accounts whose territory or rep differs, counting accounts only one scenario has. */
  accountsMoved: number;
  workloadMoved: number;
  revenueMoved: number;
  flow: FlowMatrix;
  moved: MovedAccounts;
}

export interface RepWorkloadChange {
  repId: string;
  repName: string | null;
  /** The rep's territory workload in each scenario; null where the rep is not in it. */
  workload: (number | null)[];
  /** Against the first scenario, per scenario; null where either side has no value. */
  change: (number | null)[];
}

/** The shares of accounts and of revenue that change owner against a baseline. */
export interface ContinuityShares {
  accountsMovedShare: number;
  revenueMovedShare: number;
}

/** A run's baseline: the accounts' `owner` column, or a plan (`dataset.baseline`) that differs from it. */
export type BaselineKind = 'owners' | 'plan';

/** A scenario's own baseline, next to the reference every continuity figure is measured against. */
export interface ScenarioBaseline {
  kind: BaselineKind;
  /** Accounts (of those both have) whose owner in this baseline is not the reference's. */
  differsFromReference: number;
  /** The scenario's continuity against its own baseline, as its run reports it. */
  ownContinuity: ContinuityShares;
}

export interface ScenarioComparison {
  /**
   * What every continuity figure of the comparison is measured against: the first scenario's
   * baseline, so the scenarios' figures and their deltas are on one footing.
   */
  reference: { scenario: number; name: string; kind: BaselineKind };
  /** Each scenario's summary metrics, continuity against {@link reference}. */
  scenarios: { name: string; metrics: Omit<PlanMetrics, 'territories'> }[];
  /** For each scenario, every scalar metric minus the first scenario's (dotted paths). */
  deltas: Record<string, number>[];
  /** Each scenario against {@link reference}: the shares that change owner. */
  continuity: ContinuityShares[];
  /** Each scenario's own baseline, and its continuity against it. */
  baselines: ScenarioBaseline[];
  pairs: PairComparison[];
  reps: RepWorkloadChange[];
}
