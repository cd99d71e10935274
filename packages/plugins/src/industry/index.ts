import { definePlugin, type StrategyPlugin } from '@tessera/core';
import { territoriesSchema } from '../pipeline/pipeline-schema.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { territoryStrategies } from '../territory-strategies.js';
import { industrySplitParams } from './industry-split.js';

/** An `industry` plugin whose territories are built by one of `strategies`. */
export function createIndustryPlugin(strategies: readonly StrategyPlugin[]) {
  const known = [...strategies];
  return definePlugin({
    id: 'industry',
    name: 'Industry verticals',
    version: '1.0.0',
    description:
      'Groups accounts by industry, apportions reps to verticals by workload (preferring reps skilled in the vertical), then builds balanced territories within each vertical.',
    params: industrySplitParams.extend({ territories: territoriesSchema(known) }),
    segment: (ctx, { territories, ...split }) =>
      runPipeline(ctx, { stages: [{ split: 'industry', params: split }], territories }, known),
  });
}

/** Territories by vertical; the territories of each vertical by `geographic` unless told. */
export const industry = createIndustryPlugin(territoryStrategies);
