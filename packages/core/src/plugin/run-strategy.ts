import { describeZodError } from '../errors/format-zod-issue.js';
import { TesseraError } from '../errors/tessera-error.js';
import type { BlockSet } from '../geo/blocks/block-set.js';
import { baselinePlan, type Plan } from '../plan/plan.js';
import { createRandom } from '../random/random.js';
import type { AccountTable } from '../table/account-table.js';
import type { RepTable } from '../table/rep-table.js';
import type { SegmentContext, SegmentResult, StrategyPlugin } from './contract.js';
import { findPlanFault } from './validate-plan.js';

export interface RunStrategyInput {
  accounts: AccountTable;
  reps: RepTable;
  /** Defaults to the plan given by the accounts' `owner` column. */
  baseline?: Plan;
  /** Defaults to the accounts' `locked` column. */
  locks?: Uint8Array;
  seed?: string | number;
  signal?: AbortSignal;
  onProgress?: (fraction: number, message?: string) => void;
  /** The dataset's building blocks (a boundaries file), handed to the strategy as `ctx.blocks`. */
  blocks?: BlockSet | null;
}

/**
 * Runs a plugin the only way core allows: parameters validated against its schema, a seeded
 * random source, monotone progress, and the result checked before anyone reads it.
 */
export async function runStrategy(
  plugin: StrategyPlugin,
  input: RunStrategyInput,
  rawParams: unknown = {},
): Promise<SegmentResult> {
  const params = parseStrategyParams(plugin, rawParams);
  const locks = input.locks ?? input.accounts.locked;
  if (locks.length !== input.accounts.length) {
    throw new TesseraError(
      'INVALID_LOCKS',
      `locks cover ${locks.length} accounts, the table has ${input.accounts.length}`,
    );
  }
  const signal = input.signal ?? new AbortController().signal;
  signal.throwIfAborted();
  let reported = 0;
  const ctx: SegmentContext = {
    accounts: input.accounts,
    reps: input.reps,
    baseline: input.baseline ?? baselinePlan(input.accounts, input.reps),
    locks,
    random: createRandom(input.seed ?? 0),
    signal,
    blocks: input.blocks ?? null,
    progress: (fraction, message) => {
      const clamped = Math.min(1, Math.max(reported, Number.isFinite(fraction) ? fraction : 0));
      reported = clamped;
      input.onProgress?.(clamped, message);
    },
  };
  const result = await plugin.segment(ctx, params);
  signal.throwIfAborted();
  if (typeof result !== 'object') {
    throw new TesseraError('INVALID_PLUGIN_RESULT', `strategy "${plugin.id}" returned no result`);
  }
  const fault = findPlanFault(result.plan, input.accounts, input.reps, locks);
  if (fault) {
    throw new TesseraError(
      'INVALID_PLUGIN_RESULT',
      `strategy "${plugin.id}" returned an invalid plan: ${fault}`,
    );
  }
  ctx.progress(1);
  return result;
}

/**
 * A plugin's parameters checked against its schema, defaults filled in; the error names the
 * plugin and the bad parameter in plain words, e.g. `strategy "size": parameters: unknown key
 * "tolerence" (did you mean "tolerance"?)`. Callers may check before loading data to fail fast.
 */
export function parseStrategyParams(plugin: StrategyPlugin, rawParams: unknown = {}): unknown {
  const parsed = plugin.params.safeParse(rawParams);
  if (!parsed.success) {
    const problem = describeZodError(parsed.error, { input: rawParams, schema: plugin.params });
    const where = problem.path.length ? `parameter "${problem.path.join('.')}"` : 'parameters';
    throw new TesseraError(
      'INVALID_PARAMS',
      `strategy "${plugin.id}": ${where}: ${problem.message}`,
    );
  }
  return parsed.data;
}
