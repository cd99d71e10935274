import {
  TesseraError,
  type SegmentContext,
  type SegmentResult,
  type StrategyPlugin,
} from '@tessera/core';
import { industrySplit } from '../industry/industry-split.js';
import { runOnGroups, strategySolver, type AccountGroup } from '../shared/run-on-groups.js';
import type { SplitResult } from '../shared/split.js';
import { sizeSplit } from '../size/size-split.js';
import type { Pipeline, PipelineStage } from './pipeline-schema.js';
import { mergeGroupWarnings, type GroupWarning } from './pipeline-warnings.js';

type FinalSolver = (ctx: SegmentContext) => SegmentResult | Promise<SegmentResult>;

/** A stage's result, its warnings kept apart with the group each came from. */
interface StageOutcome {
  result: SegmentResult;
  warnings: GroupWarning[];
}

/**
 * Runs a pipeline: the first stage splits the accounts and apportions the reps, each group
 * runs the remaining stages on its own sub-context, and the final strategy (looked up by id
 * among `strategies`) builds the territories of every innermost group.
 */
export async function runPipeline(
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
  const final = strategySolver(plugin, pipeline.territories.params);
  const { result, warnings } = await runStages(ctx, pipeline.stages, final);
  return { ...result, warnings: mergeGroupWarnings(warnings) };
}

async function runStages(
  ctx: SegmentContext,
  stages: readonly PipelineStage[],
  final: FinalSolver,
): Promise<StageOutcome> {
  const [stage, ...rest] = stages;
  // Nothing to split or nobody to split among: the final strategy handles it as it is.
  if (!stage || ctx.accounts.length === 0 || ctx.reps.length === 0) {
    const result = await final(ctx);
    return { result, warnings: whole(result.warnings ?? []) };
  }
  ctx.signal.throwIfAborted();
  ctx.progress(0, `splitting by ${stage.split}`);
  const { groups, warnings } = divide(ctx, stage);
  // Each group's warnings are collected here rather than prefixed by runOnGroups, so that
  // what every group says is said once at the end, naming the groups.
  const inner: GroupWarning[] = [];
  const result = await runOnGroups(ctx, groups, async (sub, group) => {
    const outcome = await runStages(sub, rest, final);
    for (const w of outcome.warnings)
      inner.push({ groups: [group.name, ...w.groups], text: w.text });
    return { ...outcome.result, warnings: [] };
  });
  const own = (result.warnings ?? []).map((text) => ofGroup(text, groups));
  return { result: { ...result, warnings: [] }, warnings: [...whole(warnings), ...own, ...inner] };
}

function whole(warnings: readonly string[]): GroupWarning[] {
  return warnings.map((text) => ({ groups: [], text }));
}

/** A warning of runOnGroups itself, which names a group by prefixing its name. */
function ofGroup(text: string, groups: readonly AccountGroup[]): GroupWarning {
  let named: AccountGroup | undefined;
  for (const group of groups) {
    const longer = !named || group.name.length > named.name.length;
    if (longer && text.startsWith(`${group.name}: `)) named = group;
  }
  return named
    ? { groups: [named.name], text: text.slice(named.name.length + 2) }
    : { groups: [], text };
}

function divide(ctx: SegmentContext, stage: PipelineStage): SplitResult {
  switch (stage.split) {
    case 'size':
      return sizeSplit.divide(ctx, stage.params);
    case 'industry':
      return industrySplit.divide(ctx, stage.params);
  }
}
