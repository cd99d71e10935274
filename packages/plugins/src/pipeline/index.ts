import { territoryStrategies } from '../territory-strategies.js';
import { createPipelinePlugin } from './create-pipeline-plugin.js';

/** Composition as data: splits then a final strategy, from the built-in strategies. */
export const pipeline = createPipelinePlugin(territoryStrategies);
