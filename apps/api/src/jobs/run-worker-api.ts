import type { Dataset, PreparedRun } from '@tessera/scenarios';
import { BlockCache } from '../boundaries/block-cache.js';
import { openEnvelope } from './boundaries-envelope.js';

/**
 * The API's addition to `@tessera/scenarios`' worker (its `prepareRun` hook): a scenario that
 * comes with its dataset's boundaries file (boundaries-envelope.ts) runs with the blocks built
 * from it, cached by upload, so the strategy gets `ctx.blocks` and the metrics count pieces on
 * them as `runScenario` does in-process.
 */
export function runWithBoundaries(
  cache = new BlockCache(2),
): (dataset: Dataset, sent: unknown) => PreparedRun {
  return (dataset, sent) => {
    const { scenario, boundaries } = openEnvelope(sent);
    return {
      scenario,
      dataset: boundaries ? { ...dataset, blocks: cache.get(boundaries) } : dataset,
    };
  };
}
