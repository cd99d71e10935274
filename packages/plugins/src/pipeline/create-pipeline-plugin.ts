import { definePlugin, type StrategyPlugin } from '@tessera/core';
import { buildPipelineSchema } from './pipeline-schema.js';
import { runPipeline } from './run-pipeline.js';

/**
 * A `pipeline` plugin whose final stage may be any of `strategies` (looked up by id): how a
 * team composes splits with its own territory strategy, e.g.
 * `createPipelinePlugin([...territoryStrategies, myStrategy])`. The parameters are the
 * pipeline JSON ({@link buildPipelineSchema}); they are checked before anything runs,
 * including the final strategy's own parameters.
 */
export function createPipelinePlugin(strategies: readonly StrategyPlugin[]) {
  const known = [...strategies];
  return definePlugin({
    id: 'pipeline',
    name: 'Pipeline',
    version: '1.0.0',
    description:
      'Splits accounts stage by stage (size tiers, industry verticals), apportions reps to each group, then builds each group’s territories with a final strategy.',
    params: buildPipelineSchema(known),
    segment: (ctx, pipeline) => runPipeline(ctx, pipeline, known),
  });
}
