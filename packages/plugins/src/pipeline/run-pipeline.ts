import {
  TesseraError,
  type SegmentContext,
  type SegmentResult,
  type StrategyPlugin,
} from '@tessera/core';
import { industrySplit } from '../industry/industry-split.js';
import { runOnGroups, strategySolver } from '../shared/run-on-groups.js';
import type { SplitResult } from '../shared/split.js';
import { sizeSplit } from '../size/size-split.js';
import type { Pipeline, PipelineStage } from './pipeline-schema.js';

type FinalSolver = (ctx: SegmentContext) => SegmentResult | Promise<SegmentResult>;

/**
 * Runs a pipeline: the first stage splits the accounts and apportions the reps, each group
 * runs the remaining stages on its own sub-context, and the final strategy (looked up by id
 * among `strategies`) builds the territories of every innermost group.
 */
export function runPipeline(
  ctx: SegmentContext,
  pipeline: Pipeline,
  strategies: readonly StrategyPlugin[],
): Promise<SegmentResult> {
  const id = pipeline.territories.strategy;
  const plugin = strategies.find((p) => p.id === id);
  if (!plugin) {
    const known = strategies.map((p) => p.id).join(', ') || 'none';
    throw new TesseraError('UNKNOWN_PLUGIN', `unknown strategy "${id}" (known: ${known})`);
  }
  return runStages(ctx, pipeline.stages, strategySolver(plugin, pipeline.territories.params));
}

async function runStages(
  ctx: SegmentContext,
  stages: readonly PipelineStage[],
  final: FinalSolver,
): Promise<SegmentResult> {
  const [stage, ...rest] = stages;
  // Nothing to split or nobody to split among: the final strategy handles it as it is.
  if (!stage || ctx.accounts.length === 0 || ctx.reps.length === 0) return final(ctx);
  ctx.signal.throwIfAborted();
  ctx.progress(0, `splitting by ${stage.split}`);
  const { groups, warnings } = divide(ctx, stage);
  const result = await runOnGroups(ctx, groups, (sub) => runStages(sub, rest, final));
  return { ...result, warnings: [...warnings, ...(result.warnings ?? [])] };
}

function divide(ctx: SegmentContext, stage: PipelineStage): SplitResult {
  switch (stage.split) {
    case 'size':
      return sizeSplit.divide(ctx, stage.params);
    case 'industry':
      return industrySplit.divide(ctx, stage.params);
  }
}
