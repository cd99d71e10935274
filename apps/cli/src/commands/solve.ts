import { Command } from 'commander';
import type { CliIO } from '../io.js';
import { collect } from '../params.js';
import { withPluginOption, type PluginFlags } from '../plugins/load-plugins.js';
import { formatOption, seedValue, type Format } from './options.js';

export interface SolveOptions extends PluginFlags {
  format: Format;
  accounts: string;
  reps: string;
  strategy: string;
  param: string[];
  seed: string | number;
  out: string;
  metrics?: string;
  geojson?: string;
  skipInvalid?: boolean;
  unitsGeojson?: string;
  unitsId?: string;
  unitsName?: string;
}

export function solveCommand(io: CliIO): Command {
  return withPluginOption(new Command('solve'))
    .description('build territories with a strategy and write the plan')
    .requiredOption('--accounts <file>', 'accounts CSV')
    .requiredOption('--reps <file>', 'reps CSV')
    .requiredOption('--strategy <id>', 'strategy id (see `tessera plugins`)')
    .option(
      '--param <key=value>',
      'strategy parameter, repeatable; file=<path>.json reads them from a JSON file first',
      collect,
      [],
    )
    .option('--seed <seed>', 'random seed', seedValue, 0)
    .requiredOption('--out <plan.csv>', 'where to write the plan')
    .option('--metrics <file.json>', 'also write the plan metrics as JSON')
    .option(
      '--geojson <file.geojson>',
      "also write the territories' shapes as GeoJSON (unions of their blocks, else Voronoi cells)",
    )
    .option(
      '--units-geojson <file.geojson>',
      'building blocks (a GeoJSON FeatureCollection) for strategies that use them (geographic units=blocks)',
    )
    .option('--units-id <property>', "the blocks' id property (default: each feature's id)")
    .option('--units-name <property>', "the blocks' name property")
    .option('--skip-invalid', 'import the valid rows of the CSV files and report the rest')
    .addOption(formatOption('table'))
    .action(async (options: SolveOptions) => {
      const { solve } = await import('./solve-action.js');
      await solve(io, options);
    });
}
