import {
  computeMetrics,
  parseStrategyParams,
  planToCsv,
  runStrategy,
  territoriesToGeoJSON,
} from '@tessera/core';
import { Command } from 'commander';
import { loadTables } from '../files/load-tables.js';
import { writeOutput } from '../files/write-output.js';
import type { CliIO } from '../io.js';
import { collect, resolveParams } from '../params.js';
import { createProgress } from '../progress.js';
import { loadCommandPlugins, withPluginOption, type PluginFlags } from '../plugins/load-plugins.js';
import { formatOption, seedValue, type Format } from './options.js';

interface SolveOptions extends PluginFlags {
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
    .option('--geojson <file.geojson>', 'also write the territories as GeoJSON (convex hulls)')
    .option('--skip-invalid', 'import the valid rows of the CSV files and report the rest')
    .addOption(formatOption('table'))
    .action(async (options: SolveOptions) => {
      const { registry } = await loadCommandPlugins(options, io.directory);
      const plugin = registry.get(options.strategy);
      const params = await resolveParams(options.param);
      parseStrategyParams(plugin, params); // fail on a bad parameter before reading any file
      const { accounts, reps } = await loadTables(io, options, {
        skipInvalid: options.skipInvalid ?? false,
      });
      const progress = createProgress(io, plugin.id);
      const result = await runStrategy(
        plugin,
        {
          accounts,
          reps,
          seed: options.seed,
          onProgress: (f, m) => {
            progress.update(f, m);
          },
        },
        params,
      ).finally(() => {
        progress.stop();
      });
      for (const warning of result.warnings ?? []) io.stderr.write(`warning: ${warning}\n`);
      if (result.infeasible) io.stderr.write(`warning: infeasible: ${result.infeasible.reason}\n`);
      await writeOutput(options.out, planToCsv(result.plan, accounts));
      if (options.metrics) {
        const metrics = computeMetrics(accounts, reps, result.plan, { seed: options.seed });
        await writeOutput(options.metrics, [JSON.stringify(metrics, null, 2), '\n']);
      }
      if (options.geojson) {
        const territories = territoriesToGeoJSON(accounts, result.plan);
        await writeOutput(options.geojson, [JSON.stringify(territories), '\n']);
      }
      const unassigned = result.plan.territoryOf.reduce((n, t) => (t < 0 ? n + 1 : n), 0);
      const summary = {
        out: options.out,
        strategy: plugin.id,
        accounts: accounts.length,
        territories: result.plan.territories.length,
        unassigned,
        warnings: result.warnings ?? [],
        infeasible: result.infeasible ?? null,
      };
      io.stdout.write(
        options.format === 'json'
          ? `${JSON.stringify(summary, null, 2)}\n`
          : `wrote ${options.out}: ${accounts.length} accounts in ${summary.territories} territories, ${unassigned} unassigned\n`,
      );
    });
}
