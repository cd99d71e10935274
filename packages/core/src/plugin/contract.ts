import type { z } from 'zod';
import type { BlockSet } from '../geo/blocks/block-set.js';
import type { Plan } from '../plan/plan.js';
import type { Random } from '../random/random.js';
import type { AccountTable } from '../table/account-table.js';
import type { RepTable } from '../table/rep-table.js';

/** What a strategy receives: read-only tables and everything it needs to be a good citizen. */
export interface SegmentContext {
  readonly accounts: AccountTable;
  readonly reps: RepTable;
  /** Today's alignment (each account with its owner): what continuity is measured against. */
  readonly baseline: Plan;
  /** 1 where the account must stay with its baseline owner. */
  readonly locks: Uint8Array;
  /** The only randomness a strategy may use: same seed, same plan. */
  readonly random: Random;
  /** Aborted when the caller cancels; long loops check it and throw `signal.reason`. */
  readonly signal: AbortSignal;
  /** Reports progress in [0, 1]; values are clamped and never go backwards. */
  progress(fraction: number, message?: string): void;
  /**
   * The dataset's own building blocks (a boundaries file such as NUTS regions), when it came
   * with one; strategies that think in blocks use them instead of, or beside, the US ones.
   */
  readonly blocks?: BlockSet | null;
}

/** A strategy's answer: the plan, plus what the planner should know about it. */
export interface SegmentResult {
  plan: Plan;
  /** Things the planner should see, e.g. accounts that could not be placed. */
  warnings?: string[];
  /** Set when the strategy could not meet its own constraints and returns its best effort. */
  infeasible?: { reason: string; achievedDeviation?: number };
}

/**
 * A segmentation strategy. A plain object, so a plugin is a module that exports one; the
 * parameter schema is zod, exported as JSON Schema for forms and API validation.
 */
export interface StrategyPlugin<Params extends z.ZodType = z.ZodType> {
  /** Stable identifier, lower-case kebab-case (`nearest`, `geographic`). */
  readonly id: string;
  readonly name: string;
  /** Semantic version of the plugin itself. */
  readonly version: string;
  readonly description: string;
  readonly params: Params;
  segment(ctx: SegmentContext, params: z.output<Params>): SegmentResult | Promise<SegmentResult>;
}

/** Declares a plugin with its parameter type inferred from its schema. */
export function definePlugin<Params extends z.ZodType>(
  plugin: StrategyPlugin<Params>,
): StrategyPlugin<Params> {
  return plugin;
}
