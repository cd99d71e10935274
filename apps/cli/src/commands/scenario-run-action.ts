import { planBlocks, planToCsv, territoriesToGeoJSON } from '@tessera/core';
import { runScenario, simulateRevenue } from '@tessera/scenarios';
import { DatasetLoader, loadScenarioFile } from '../files/load-scenario.js';
import { writeOutput } from '../files/write-output.js';
import { formatScenarioRun } from '../format/scenario-run-table.js';
import { formatSimulationTable } from '../format/simulation-table.js';
import type { CliIO } from '../io.js';
import { runProgressReporter } from '../scenario-progress.js';
import { loadCommandPlugins } from '../plugins/load-plugins.js';
import type { ScenarioRunOptions } from './scenario-run.js';

export async function scenarioRun(
  io: CliIO,
  path: string,
  options: ScenarioRunOptions,
): Promise<void> {
  const { registry } = await loadCommandPlugins(options, io.directory);
  const file = await loadScenarioFile(path, registry);
  const dataset = await new DatasetLoader(io, options).load(file);
  const progress = runProgressReporter(io, `scenario "${file.scenario.name}"`);
  const run = await runScenario(dataset, file.raw, {
    registry,
    onProgress: (p) => {
      progress.update(p);
    },
  }).finally(() => {
    progress.stop();
  });
  for (const warning of run.warnings) io.stderr.write(`warning: ${warning}\n`);
  const simulation =
    options.simulate === undefined
      ? null
      : simulateRevenue(run.edited.accounts, run.edited.reps, run.plan, {
          draws: options.simulate === true ? undefined : options.simulate,
        });
  const report = {
    scenario: run.scenario.name,
    edits: run.edited.log,
    metrics: run.metrics,
    territories: run.territories,
    warnings: run.warnings,
    infeasible: run.infeasible,
    timings: run.timings,
    simulation,
  };
  if (options.out) await writeOutput(options.out, planToCsv(run.plan, run.edited.accounts));
  if (options.metrics) await writeOutput(options.metrics, [JSON.stringify(report, null, 2), '\n']);
  if (options.geojson) {
    const blocks = await planBlocks(
      run.edited.accounts,
      run.scenario.strategy.params.units,
      dataset.blocks ?? null,
    );
    const territories = territoriesToGeoJSON(run.edited.accounts, run.plan, { blocks });
    await writeOutput(options.geojson, [JSON.stringify(territories), '\n']);
  }
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  io.stdout.write(formatScenarioRun(run));
  if (simulation) io.stdout.write(`\n${formatSimulationTable([run.scenario.name], [simulation])}`);
}
