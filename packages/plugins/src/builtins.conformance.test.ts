// Every built-in strategy passes the same conformance suite and properties as a third-party
// plugin; a strategy added to `builtinPlugins` is covered without touching this file.
import { pluginProperties, runPluginConformance } from '@tessera/plugins/kit';
import { describe } from 'vitest';
import { builtinPlugins } from './index.js';

/** Further parameter sets worth the whole suite, by strategy id (defaults always run). */
const ALSO_WITH: Readonly<Record<string, readonly Record<string, unknown>[]>> = {
  // the composition the issue names: size tiers, then verticals, then geography
  pipeline: [
    {
      stages: [{ split: 'size' }, { split: 'industry' }],
      territories: { strategy: 'geographic' },
    },
  ],
};

for (const plugin of builtinPlugins) {
  runPluginConformance({ plugin });
  pluginProperties({ plugin });
  for (const params of ALSO_WITH[plugin.id] ?? []) {
    describe(`with ${JSON.stringify(params)}`, () => {
      runPluginConformance({ plugin, params });
      pluginProperties({ plugin, params, numRuns: 25 });
    });
  }
}
