import type { StrategyPlugin } from '@tessera/core';
import { ABORT_BUDGET_MS } from './abort-check.js';
import type { ConformanceDataset } from './datasets.js';
import { holdClock } from './hold-clock.js';
import { runOn } from './run-on.js';

export { holdClock };

/** How a run of `segment` shared the thread with the event loop. */
export interface HoldMeasure {
  /** The longest stretch in which `segment` kept the event loop from taking a turn. */
  longestHoldMs: number;
  /** From the call of `segment` to the settling of its result. */
  ms: number;
  /** How many times the event loop took a turn meanwhile: 0 for a run that never yielded. */
  turns: number;
  /** The run's error, when it failed. */
  error?: unknown;
}

/**
 * Runs `run` with a heartbeat beside it — a timer that re-arms itself at once — and returns
 * the time of every beat. A beat, like the abort the suite sends, lands only when the thread
 * yields a macrotask turn (awaiting a resolved promise is a microtask and does not count), so
 * the gaps between beats are the stretches the thread was held. Timers work the same in Node,
 * browsers and workers: no Node-only probe such as `monitorEventLoopDelay` is needed.
 */
export async function heartbeatDuring(
  run: () => Promise<unknown>,
): Promise<{ beats: number[]; error?: unknown }> {
  const beats: number[] = [];
  let running = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const beat = () => {
    beats.push(holdClock());
    if (running) timer = setTimeout(beat, 0);
  };
  timer = setTimeout(beat, 0);
  try {
    await run();
    return { beats };
  } catch (error) {
    return { beats, error };
  } finally {
    running = false;
    clearTimeout(timer);
  }
}

/** The longest gap between `from`, the beats between `from` and `to`, and `to`. */
export function longestGap(
  beats: readonly number[],
  from: number,
  to: number,
): { longestMs: number; turns: number } {
  let last = from;
  let longest = 0;
  let turns = 0;
  for (const at of beats) {
    if (at <= from || at >= to) continue;
    longest = Math.max(longest, at - last);
    last = at;
    turns++;
  }
  return { longestMs: Math.max(longest, to - last), turns };
}

/**
 * Runs the plugin once on the dataset and measures the longest hold of `segment` itself
 * (core's own checks before and after are not the plugin's to answer for).
 */
export async function measureHold(
  plugin: StrategyPlugin,
  dataset: ConformanceDataset,
  params: unknown,
): Promise<HoldMeasure> {
  const span = { from: Number.NaN, to: Number.NaN, wallFrom: 0, wallTo: 0 };
  const timed: StrategyPlugin = {
    ...plugin,
    segment: async (ctx, parsed) => {
      span.from = holdClock();
      span.wallFrom = performance.now();
      try {
        return await plugin.segment(ctx, parsed);
      } finally {
        span.to = holdClock();
        span.wallTo = performance.now();
      }
    },
  };
  const { beats, error } = await heartbeatDuring(() => runOn(timed, dataset, params));
  if (Number.isNaN(span.to)) return { longestHoldMs: 0, ms: 0, turns: 0, error };
  const { longestMs, turns } = longestGap(beats, span.from, span.to);
  return {
    longestHoldMs: longestMs,
    ms: span.wallTo - span.wallFrom,
    turns,
    ...(error === undefined ? {} : { error }),
  };
}

/**
 * The longest hold of a run of the plugin. A run found holding the thread beyond the budget
 * is measured once more and the shorter hold kept: a strategy that does not yield holds it
 * every time, while a pause of the machine itself (another process on the core, a garbage
 * collection) seldom strikes the same stretch twice.
 */
export async function measurePluginHold(
  plugin: StrategyPlugin,
  dataset: ConformanceDataset,
  params: unknown,
  budgetMs = ABORT_BUDGET_MS,
): Promise<HoldMeasure> {
  const first = await measureHold(plugin, dataset, params);
  if (first.error !== undefined || first.longestHoldMs <= budgetMs) return first;
  const second = await measureHold(plugin, dataset, params);
  return second.error === undefined && second.longestHoldMs < first.longestHoldMs ? second : first;
}

/** The fault in a measured run, or null when `segment` never held the thread beyond the budget. */
export function holdFault(
  measure: HoldMeasure,
  accounts: number,
  budgetMs = ABORT_BUDGET_MS,
): string | null {
  if (measure.error !== undefined) {
    const { error } = measure;
    return `the run failed: ${error instanceof Error ? `"${error.message}"` : JSON.stringify(error)}`;
  }
  if (measure.longestHoldMs <= budgetMs) return null;
  const held = Math.round(measure.longestHoldMs);
  const never = measure.turns === 0 ? ', the whole run: it never yielded' : '';
  return (
    `segment held the thread for ${held} ms without yielding (on ${accounts} accounts${never}); ` +
    `an abort cannot land before it yields, and must within ${budgetMs} ms. Every few ms of ` +
    `work, await new Promise((r) => setTimeout(r, 0)), then call ctx.signal.throwIfAborted() ` +
    `(awaiting a resolved promise does not yield)`
  );
}
