import { definePlugin, type StrategyPlugin } from '@tessera/core';
import { territoriesSchema } from '../pipeline/pipeline-schema.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { territoryStrategies } from '../territory-strategies.js';
import { sizeSplitParams } from './size-split.js';

/** A `size` plugin whose territories are built by one of `strategies`. */
export function createSizePlugin(strategies: readonly StrategyPlugin[]) {
  const known = [...strategies];
  return definePlugin({
    id: 'size',
    name: 'Size tiers',
    version: '1.0.0',
    description:
      'Splits accounts into size tiers (employees and/or annual revenue), apportions reps to tiers by workload with senior reps on the larger tiers, then builds balanced territories within each tier.',
    params: sizeSplitParams.extend({ territories: territoriesSchema(known) }),
    segment: (ctx, { territories, ...split }) =>
      runPipeline(ctx, { stages: [{ split: 'size', params: split }], territories }, known),
  });
}

/** Territories by size tier; the territories of each tier by `geographic` unless told. */
export const size = createSizePlugin(territoryStrategies);
