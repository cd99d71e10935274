import {
  computeMetrics,
  parseStrategyParams,
  planBlocks,
  planToCsv,
  runStrategy,
  territoriesToGeoJSON,
} from '@tessera/core';
import { boundariesFromFlags } from '../files/load-boundaries.js';
import { loadTables } from '../files/load-tables.js';
import { writeOutput } from '../files/write-output.js';
import type { CliIO } from '../io.js';
import { resolveParams } from '../params.js';
import { createProgress } from '../progress.js';
import { loadCommandPlugins } from '../plugins/load-plugins.js';
import type { SolveOptions } from './solve.js';

export async function solve(io: CliIO, options: SolveOptions): Promise<void> {
  const { registry } = await loadCommandPlugins(options, io.directory);
  const plugin = registry.get(options.strategy);
  const params = await resolveParams(options.param);
  parseStrategyParams(plugin, params); // fail on a bad parameter before reading any file
  const boundaries = await boundariesFromFlags(options);
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
      blocks: boundaries,
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
  const blocks =
    options.metrics || options.geojson
      ? await planBlocks(accounts, params.units, boundaries)
      : null;
  if (options.metrics) {
    const metrics = computeMetrics(accounts, reps, result.plan, { seed: options.seed, blocks });
    await writeOutput(options.metrics, [JSON.stringify(metrics, null, 2), '\n']);
  }
  if (options.geojson) {
    const territories = territoriesToGeoJSON(accounts, result.plan, { blocks });
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
}
