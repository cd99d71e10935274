import { Command } from 'commander';
import type { DatasetFlags } from '../files/load-scenario.js';
import type { CliIO } from '../io.js';
import { withPluginOption, type PluginFlags } from '../plugins/load-plugins.js';
import { drawsValue, formatOption, type Format } from './options.js';
import { withDatasetFlags } from './scenario-options.js';

export interface ScenarioRunOptions extends DatasetFlags, PluginFlags {
  out?: string;
  metrics?: string;
  geojson?: string;
  format: Format;
  simulate?: number | true;
}

export function scenarioRunCommand(io: CliIO): Command {
  return withDatasetFlags(
    withPluginOption(new Command('run'))
      .description('apply a scenario’s edits, run its strategy and report the plan')
      .argument('<scenario.json>', 'the scenario')
      .option('--out <plan.csv>', 'write the plan')
      .option(
        '--metrics <file.json>',
        'write metrics, territory table, warnings and timings as JSON',
      )
      .option('--geojson <file.geojson>', "write the territories' shapes as GeoJSON (unions of their blocks, else Voronoi cells)")
      .addOption(formatOption('table'))
      .option(
        '--simulate [draws]',
        'also simulate expected revenue with P10/P50/P90 (default 1000 draws)',
        drawsValue,
      ),
  ).action(async (path: string, options: ScenarioRunOptions) => {
    const { scenarioRun } = await import('./scenario-run-action.js');
    await scenarioRun(io, path, options);
  });
}
