import {
  baselinePlan,
  createRandom,
  parseStrategyParams,
  type SegmentContext,
  type StrategyPlugin,
} from '@tessera/core';
import type { ConformanceDataset } from './datasets.js';
import { CONFORMANCE_SEED, planFaultIgnoringLocks } from './run-on.js';

/**
 * Calls `segment` directly (core's `runStrategy` clamps progress into a monotone sequence,
 * which would hide a plugin that goes backwards) and records every value it reports.
 * Returns the values and the first fault: a plan core would reject (locks aside: they are the
 * `locks` check's), or a bad progress value.
 */
export async function traceProgress(
  plugin: StrategyPlugin,
  dataset: ConformanceDataset,
  params: unknown,
): Promise<{ values: number[]; fault: string | null }> {
  const { accounts, reps } = dataset;
  const values: number[] = [];
  const ctx: SegmentContext = {
    accounts,
    reps,
    baseline: baselinePlan(accounts, reps),
    locks: dataset.locks ?? accounts.locked,
    random: createRandom(CONFORMANCE_SEED),
    signal: new AbortController().signal,
    progress: (fraction) => {
      values.push(fraction);
    },
  };
  const result = await plugin.segment(ctx, parseStrategyParams(plugin, params ?? {}));
  const planFault = planFaultIgnoringLocks(result.plan, accounts, reps);
  return { values, fault: planFault ? `invalid plan: ${planFault}` : progressFault(values) };
}

/** The first thing wrong with a sequence of progress reports, or null. */
export function progressFault(values: readonly number[]): string | null {
  if (values.length === 0) return 'segment never called ctx.progress';
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!Number.isFinite(value) || value < 0 || value > 1) {
      return `progress report #${i + 1} is ${value}, outside [0, 1]`;
    }
    if (i > 0 && value < values[i - 1]!) {
      return `progress went backwards at report #${i + 1}: ${values[i - 1]} then ${value}`;
    }
  }
  return null;
}
