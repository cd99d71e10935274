// The public API of @tessera/plugins: the built-in strategies, each a plain plugin object.
import { PluginRegistry, type StrategyPlugin } from '@tessera/core';
import { geographic } from './geographic/index.js';
import { industry } from './industry/index.js';
import { nearest } from './nearest/index.js';
import { pipeline } from './pipeline/index.js';
import { repSkill } from './rep-skill/index.js';
import { size } from './size/index.js';

export { nearest };
export { geographic, geographicParams, type GeographicParams } from './geographic/index.js';
export { repSkill, maxSkillMatchShare, type SkillMatchBoundOptions } from './rep-skill/index.js';
export { industry, createIndustryPlugin } from './industry/index.js';
export { size, createSizePlugin } from './size/index.js';
export { pipeline } from './pipeline/index.js';
export { createPipelinePlugin } from './pipeline/create-pipeline-plugin.js';
export {
  pipelineSchema,
  pipelineJsonSchema,
  DEFAULT_TERRITORY_STRATEGY,
  type PipelineSpec,
  type Pipeline,
  type PipelineStage,
} from './pipeline/pipeline-schema.js';
export { territoryStrategies } from './territory-strategies.js';
export { DEFAULT_TIERS, sizeTierOf, type SizeTier } from './size/size-split.js';
export { apportion } from './shared/apportion.js';
export {
  runOnGroups,
  strategySolver,
  type AccountGroup,
  type GroupSolver,
} from './shared/run-on-groups.js';

/** Every strategy that ships with Tessera. */
export const builtinPlugins: readonly StrategyPlugin[] = [
  nearest,
  geographic,
  repSkill,
  industry,
  size,
  pipeline,
];

/** A registry holding the built-in strategies, ready for more to be registered. */
export function createBuiltinRegistry(): PluginRegistry {
  return new PluginRegistry(builtinPlugins);
}
