import { Command } from 'commander';
import type { DatasetFlags } from '../files/load-scenario.js';
import type { CliIO } from '../io.js';
import { withPluginOption, type PluginFlags } from '../plugins/load-plugins.js';
import { drawsValue, formatOption, positiveInteger, type Format } from './options.js';
import { withDatasetFlags } from './scenario-options.js';

export interface ScenarioCompareOptions extends DatasetFlags, PluginFlags {
  format: Format;
  moved?: string;
  workers?: number;
  simulate?: number | true;
}

export function scenarioCompareCommand(io: CliIO): Command {
  return withDatasetFlags(
    withPluginOption(new Command('compare'))
      .description('run 2 to 4 scenarios side by side (in worker threads) and compare them')
      .argument('<scenario.json...>', 'two to four scenarios')
      .addOption(formatOption('table'))
      .option('--moved <file.csv>', 'write every moved account of every pair as CSV')
      .option('--workers <n>', 'worker threads (default: one per core)', positiveInteger)
      .option(
        '--simulate [draws]',
        'also simulate each plan’s revenue on common draws (default 1000)',
        drawsValue,
      ),
  ).action(async (paths: string[], options: ScenarioCompareOptions) => {
    const { scenarioCompare } = await import('./scenario-compare-action.js');
    await scenarioCompare(io, paths, options);
  });
}
