import type { StrategyPlugin } from '@tessera/core';
import { geographic } from './geographic/index.js';
import { nearest } from './nearest/index.js';
import { repSkill } from './rep-skill/index.js';

/**
 * The built-in strategies that can build territories as the last stage of a pipeline (and of
 * `industry` and `size`). The composite strategies are not in the list: they are stages.
 */
export const territoryStrategies: readonly StrategyPlugin[] = [nearest, geographic, repSkill];
