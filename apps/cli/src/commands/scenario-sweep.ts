import { Command } from 'commander';
import type { DatasetFlags } from '../files/load-scenario.js';
import type { CliIO } from '../io.js';
import { withPluginOption, type PluginFlags } from '../plugins/load-plugins.js';
import { formatOption, positiveInteger, type Format } from './options.js';
import { withDatasetFlags } from './scenario-options.js';

export interface ScenarioSweepOptions extends DatasetFlags, PluginFlags {
  format: Format;
  out?: string;
  workers?: number;
  timeout?: number;
}

export function scenarioSweepCommand(io: CliIO): Command {
  return withDatasetFlags(
    withPluginOption(new Command('sweep'))
      .description('run a parameter grid over a scenario in worker threads; show the trade-off')
      .argument('<sweep.json>', 'the sweep: a base scenario and a grid')
      .addOption(formatOption('table'))
      .option('--out <file.json>', 'also write the result as JSON')
      .option('--workers <n>', 'worker threads (default: one per core)', positiveInteger)
      .option('--timeout <seconds>', 'fail a run that takes longer', positiveInteger),
  ).action(async (path: string, options: ScenarioSweepOptions) => {
    const { scenarioSweep } = await import('./scenario-sweep-action.js');
    await scenarioSweep(io, path, options);
  });
}
