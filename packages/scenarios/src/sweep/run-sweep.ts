import { TesseraError, type PluginRegistry } from '@tessera/core';
import { createBuiltinRegistry } from '@tessera/plugins';
import type { Dataset } from '../dataset/dataset.js';
import { runScenarioOutcome } from '../run/run-scenario.js';
import type { RunProgress, ScenarioOutcome } from '../run/types.js';
import { parseScenario, type Scenario } from '../schema/scenario-schema.js';
import { expandSweep, type SweepPoint } from './expand-sweep.js';
import { idleAxisWarnings } from './idle-axes.js';
import { nonDominated } from './non-dominated.js';
import { planKey } from './plan-key.js';
import { parseSweep } from './sweep-schema.js';

/**
 * Runs one scenario somewhere (this thread, a worker pool) and returns its outcome. A runner
 * that queues calls `onStart` when the run really starts, so a failed run's time leaves out
 * the wait (a finished run reports the time its outcome measured).
 */
export type SweepRunner = (
  scenario: Scenario,
  options: {
    signal: AbortSignal;
    onProgress: (progress: RunProgress) => void;
    onStart: () => void;
  },
) => Promise<ScenarioOutcome>;

export interface RunSweepOptions {
  registry?: PluginRegistry;
  /** Default: each run in this thread, one after another. A pool's runner runs them side by side. */
  runner?: SweepRunner;
  /** Runs in flight at once; default 1 in this thread, every run with a runner (it queues). */
  concurrency?: number;
  /** The base scenario when the sweep names it by path (the host reads the file). */
  baseScenario?: unknown;
  signal?: AbortSignal;
  /** Runs finished (done or failed) out of all. */
  onProgress?: (done: number, total: number) => void;
}

/** The objectives a sweep trades off, each lower-is-better. */
export const SWEEP_OBJECTIVES = ['balance', 'compactnessKm', 'disruption'] as const;

export interface SweepRow {
  name: string;
  strategy: string;
  values: Record<string, unknown>;
  /** Workload balance: the largest relative deviation of a territory from its target. */
  balance: number | null;
  balanceIndex: number | null;
  /** Workload-weighted mean distance (km) of accounts to their territory centre. */
  compactnessKm: number | null;
  kmeansRatio: number | null;
  /** Share of accounts whose owner changes against today's. */
  disruption: number | null;
  skillMatch: number | null;
  unassigned: number | null;
  infeasible: boolean;
  /**
   * The run's own time: its outcome's `timings.totalMs`, measured where it ran, so a run that
   * waited in a pool's queue is not charged for the wait. For a failed run, from its start.
   */
  ms: number;
  error: string | null;
  /** The run's warnings (edits, strategy, skills), as `runScenario` gives them. */
  warnings: string[];
  /** A fingerprint of the run's plan, equal for runs that gave the same plan; null if it failed. */
  planKey: string | null;
  /** The first earlier row that gave this very plan, or null. */
  samePlanAs: number | null;
  /** On the trade-off frontier: no other run is as good on every objective and better on one. */
  nonDominated: boolean;
}

export interface SweepResult {
  name: string;
  rows: SweepRow[];
  /** Indexes into `rows` of the non-dominated runs. */
  nonDominated: number[];
  /** About the sweep as a whole: grid values that changed nothing. */
  warnings: string[];
}

/**
 * Runs every point of a parameter grid and returns the table of runs with the non-dominated
 * set on balance, compactness and disruption, so a planner sees the trade-off, not one answer.
 * A run that fails is a row with its error; the others go on.
 */
export async function runSweep(
  dataset: Dataset,
  sweepInput: unknown,
  options: RunSweepOptions = {},
): Promise<SweepResult> {
  const registry = options.registry ?? createBuiltinRegistry();
  const sweep = parseSweep(sweepInput);
  let baseInput: unknown = sweep.scenario;
  if (typeof sweep.scenario === 'string') {
    if (options.baseScenario === undefined) {
      throw new TesseraError(
        'INVALID_SWEEP',
        `sweep: scenario "${sweep.scenario}" is a path; read it and pass it as baseScenario`,
      );
    }
    baseInput = options.baseScenario;
  }
  const base = parseScenario(baseInput, { registry });
  const points = expandSweep(sweep, base, registry);
  const signal = options.signal ?? new AbortController().signal;
  const runner: SweepRunner =
    options.runner ??
    ((scenario, runOptions) => runScenarioOutcome(dataset, scenario, { ...runOptions, registry }));
  const concurrency = Math.max(1, options.concurrency ?? (options.runner ? points.length : 1));

  const rows = new Array<SweepRow>(points.length);
  let next = 0;
  let done = 0;
  const work = async (): Promise<void> => {
    while (next < points.length) {
      const p = next++;
      const point = points[p]!;
      let start = performance.now();
      let outcome: ScenarioOutcome | null = null;
      let error: string | null = null;
      try {
        outcome = await runner(point.scenario, {
          signal,
          onProgress: () => undefined,
          onStart: () => {
            start = performance.now();
          },
        });
      } catch (failure) {
        signal.throwIfAborted();
        error = failure instanceof Error ? failure.message : String(failure);
      }
      rows[p] = sweepRow(point, outcome, { ms: performance.now() - start, error });
      options.onProgress?.(++done, points.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, points.length) }, work));

  markSamePlans(rows);
  return {
    name: sweep.name ?? base.name,
    rows,
    nonDominated: markNonDominated(rows),
    warnings: sweepWarnings(rows),
  };
}

/**
 * One run's row: its grid values, figures and warnings, or its error (figures all null). Hosts
 * that run a sweep's points elsewhere (a job queue) build their rows with this, as `runSweep`
 * does, then call {@link markSamePlans}, {@link markNonDominated} and {@link sweepWarnings}.
 * `run.ms` counts only for a failed run: an outcome carries its own time.
 */
export function sweepRow(
  point: Pick<SweepPoint, 'name' | 'strategy' | 'values'>,
  outcome: ScenarioOutcome | null,
  run: { ms: number; error: string | null },
): SweepRow {
  return {
    name: point.name,
    strategy: point.strategy,
    values: point.values,
    ...figures(outcome),
    ms: outcome === null ? run.ms : outcome.timings.totalMs,
    error: run.error,
    warnings: outcome === null ? [] : [...outcome.warnings],
    planKey: outcome === null ? null : planKey(outcome.plan),
    samePlanAs: null,
    nonDominated: false,
  };
}

/** Points each row at the first earlier row that gave the same plan. */
export function markSamePlans(rows: SweepRow[]): void {
  const first = new Map<string, number>();
  rows.forEach((row, i) => {
    if (row.planKey === null) return;
    const earlier = first.get(row.planKey);
    row.samePlanAs = earlier ?? null;
    if (earlier === undefined) first.set(row.planKey, i);
  });
}

/**
 * What to say about the sweep as a whole: each grid axis whose values gave the same plans (a
 * `k` that locked accounts override, a tolerance the strategy never reaches).
 */
export function sweepWarnings(rows: readonly SweepRow[]): string[] {
  return idleAxisWarnings(rows);
}

/**
 * Flags the rows on the trade-off frontier of {@link SWEEP_OBJECTIVES} (failed runs are never
 * on it) and returns their indexes.
 */
export function markNonDominated(rows: SweepRow[]): number[] {
  const ok = rows.map((row, i) => [row, i] as const).filter(([row]) => row.error === null);
  const front = nonDominated(
    ok.map(([row]) => [
      row.balance ?? Infinity,
      row.compactnessKm ?? Infinity,
      row.disruption ?? Infinity,
    ]),
  ).map((k) => ok[k]![1]);
  for (const i of front) rows[i]!.nonDominated = true;
  return front;
}

type Figures = Omit<
  SweepRow,
  | 'name'
  | 'strategy'
  | 'values'
  | 'ms'
  | 'error'
  | 'warnings'
  | 'planKey'
  | 'samePlanAs'
  | 'nonDominated'
>;

/** The figures of a run's row; all null for a run that failed. */
function figures(outcome: ScenarioOutcome | null): Figures {
  if (outcome === null) {
    return {
      balance: null,
      balanceIndex: null,
      compactnessKm: null,
      kmeansRatio: null,
      disruption: null,
      skillMatch: null,
      unassigned: null,
      infeasible: false,
    };
  }
  const { metrics } = outcome;
  return {
    balance: metrics.balance.workload.maxDeviation,
    balanceIndex: metrics.balance.workload.index,
    compactnessKm: metrics.compactness.meanDistanceKm,
    kmeansRatio: metrics.compactness.kmeansRatio,
    disruption: metrics.continuity.accountsMovedShare,
    skillMatch: metrics.skillMatch.share,
    unassigned: metrics.coverage.unassigned,
    infeasible: outcome.infeasible !== null,
  };
}
