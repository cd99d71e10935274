import type { StrategyPlugin } from '@tessera/core';
import type { ConformanceDataset } from './datasets.js';
import { holdClock } from './hold-clock.js';
import { runOn } from './run-on.js';

/** How soon after an abort is requested a run must end: the contract's promise to a planner. */
export const ABORT_BUDGET_MS = 100;

/** How long the suite lets a run work before it aborts it. */
export const ABORT_AFTER_MS = 10;

/** What happened when a run was aborted part-way. */
export type AbortOutcome =
  /** The run ended before the abort could fire: there was nothing to cancel. */
  | { kind: 'finished'; ms: number }
  /** The run rejected after the abort. */
  | {
      kind: 'aborted';
      /** From the abort to the rejection. */
      latencyMs: number;
      /** The same span in this process's CPU time (wall time where the runtime cannot tell). */
      cpuLatencyMs: number;
      /**
       * How late the abort timer fired: how long the run held the event loop without yielding
       * (inflated on a busy machine, so not judged here: the `yields` case judges holds).
       */
      timerLateMs: number;
      /** Whether the rejection is the signal's own reason, as the contract asks. */
      rejectedWithReason: boolean;
      error: unknown;
    }
  /** The run failed on its own, before any abort. */
  | { kind: 'failed'; error: unknown };

/**
 * Starts a run, aborts it from a timer after `afterMs` and measures how long the run takes to
 * reject once the abort has fired. A timer fires only when the plugin yields to the event
 * loop, so how late it fired is measured too.
 */
export async function measureAbort(
  plugin: StrategyPlugin,
  dataset: ConformanceDataset,
  params: unknown,
  afterMs = ABORT_AFTER_MS,
): Promise<AbortOutcome> {
  const controller = new AbortController();
  const reason = new Error(`${plugin.id}: aborted by the conformance suite`);
  let firedAt = -1;
  let firedCpu = 0;
  const started = performance.now();
  const timer = setTimeout(() => {
    firedAt = performance.now();
    firedCpu = holdClock();
    controller.abort(reason);
  }, afterMs);
  try {
    await runOn(plugin, dataset, params, { signal: controller.signal });
    return { kind: 'finished', ms: performance.now() - started };
  } catch (error) {
    const settledAt = performance.now();
    const settledCpu = holdClock();
    if (firedAt < 0) return { kind: 'failed', error };
    return {
      kind: 'aborted',
      latencyMs: settledAt - firedAt,
      cpuLatencyMs: settledCpu - firedCpu,
      timerLateMs: firedAt - (started + afterMs),
      rejectedWithReason: error === reason,
      error,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** The fault in an abort outcome, or null when the run honoured the budget. */
export function abortFault(outcome: AbortOutcome, budgetMs = ABORT_BUDGET_MS): string | null {
  if (outcome.kind === 'finished') return null;
  if (outcome.kind === 'failed') {
    return `the run failed before the abort: ${describeError(outcome.error)}`;
  }
  if (!outcome.rejectedWithReason) {
    return `the run rejected with ${describeError(outcome.error)} instead of signal.reason`;
  }
  if (outcome.latencyMs > budgetMs && !busyMachine(outcome, budgetMs)) {
    return `the run rejected ${Math.round(outcome.latencyMs)} ms after the abort (budget ${budgetMs} ms): call ctx.signal.throwIfAborted() right after each yield and in every long loop`;
  }
  return null;
}

/**
 * A late rejection that the machine explains: the run used no more than the budget of CPU time
 * after the abort and stayed within a few budgets of wall time, so the thread was waiting for a
 * core, not working on. A strategy that ignores the signal keeps working (CPU time) or sleeps
 * on for long (wall time), and is still caught.
 */
function busyMachine(
  outcome: { latencyMs: number; cpuLatencyMs: number },
  budgetMs: number,
): boolean {
  return outcome.cpuLatencyMs <= budgetMs && outcome.latencyMs <= 4 * budgetMs;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `"${error.message}"` : JSON.stringify(String(error));
}
