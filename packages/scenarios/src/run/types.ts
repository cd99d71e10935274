import type { PlanData, PlanMetrics, PluginRegistry, TerritoryMetrics } from '@tessera/core';

/** Where a run is: applying edits, running the strategy, or measuring the plan. */
export type RunStage = 'edits' | 'strategy' | 'metrics';

/** A progress event of a run; `fraction` is the whole run's, in [0, 1], never going back. */
export interface RunProgress {
  stage: RunStage;
  fraction: number;
  message?: string | undefined;
}

export interface RunOptions {
  /** Strategies the scenario may name; default: the built-in ones. */
  registry?: PluginRegistry;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
}

/**
 * One row of the per-territory table a run returns: the territory's metrics (without the
 * centroid) with the names a table shows and how many accounts it took from other owners.
 */
export interface TerritoryRow extends Omit<TerritoryMetrics, 'centroid'> {
  name: string;
  repName: string | null;
  /** Accounts that came from another owner than this territory's rep. */
  accountsGained: number;
}

export interface RunTimings {
  editsMs: number;
  strategyMs: number;
  metricsMs: number;
  totalMs: number;
}

/**
 * What a run computes, as plain data (structured-clone safe, the plan's array transferable):
 * what a worker sends back. {@link ScenarioRun} adds the edited tables it refers to.
 */
export interface ScenarioOutcome {
  /** The scenario's name. */
  name: string;
  plan: PlanData;
  metrics: PlanMetrics;
  territories: TerritoryRow[];
  /** Edits' and strategy's warnings, plus unmatched skills; each a sentence. */
  warnings: string[];
  infeasible: { reason: string; achievedDeviation?: number | undefined } | null;
  timings: RunTimings;
}
