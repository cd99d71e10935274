import { availableParallelism } from 'node:os';
import { escapeCsvCell } from '@tessera/core';
import {
  compareRuns,
  movedAccountList,
  simulateRevenue,
  type Dataset,
  type ScenarioRun,
} from '@tessera/scenarios';
import { createNodeScenarioPool } from '@tessera/scenarios/node';
import { DatasetLoader, loadScenarioFile } from '../files/load-scenario.js';
import { writeOutput } from '../files/write-output.js';
import { formatRunWarnings } from '../format/run-warnings.js';
import { formatScenarioComparison } from '../format/scenario-compare-table.js';
import { formatSimulationTable } from '../format/simulation-table.js';
import { UsageError, type CliIO } from '../io.js';
import { loadCommandPlugins } from '../plugins/load-plugins.js';
import { batchProgressReporter } from '../scenario-progress.js';
import type { ScenarioCompareOptions } from './scenario-compare.js';

export async function scenarioCompare(io: CliIO, paths: string[], options: ScenarioCompareOptions): Promise<void> {
  if (paths.length < 2 || paths.length > 4) {
    throw new UsageError(`scenario compare takes 2 to 4 scenario files, got ${paths.length}`);
  }
  const { registry, pluginModules } = await loadCommandPlugins(options, io.directory);
  const files = await Promise.all(paths.map((path) => loadScenarioFile(path, registry)));
  const loader = new DatasetLoader(io, options);
  const datasets: Dataset[] = [];
  for (const file of files) datasets.push(await loader.load(file));

  const progress = batchProgressReporter(io, 'compare');
  const pool = createNodeScenarioPool({
    size: Math.min(files.length, options.workers ?? availableParallelism()),
    pluginModules,
  });
  let finished = 0;
  let runs: ScenarioRun[];
  try {
    runs = await Promise.all(
      files.map(async (file, i) => {
        const run = await pool.run(datasets[i]!, file.raw);
        progress.done(++finished, files.length, `ran "${file.scenario.name}"`);
        return run;
      }),
    );
  } finally {
    progress.stop();
    await pool.close();
  }
  io.stderr.write(
    formatRunWarnings(
      runs.map((r) => r.scenario.name),
      runs.map((r) => r.warnings),
    ),
  );
  const comparison = compareRuns(runs);
  // Shocks are keyed by account id and seed, so every scenario sees the same draws and the
  // differences between them are not noise of separate samples.
  const simulations =
    options.simulate === undefined
      ? null
      : runs.map((run) =>
          simulateRevenue(run.edited.accounts, run.edited.reps, run.plan, {
            draws: options.simulate === true ? undefined : options.simulate,
          }),
        );
  if (options.moved) {
    await writeOutput(options.moved, movedCsv(runs, comparison.pairs));
  }
  if (options.format === 'json') {
    const report = {
      ...comparison,
      simulations,
      pairs: comparison.pairs.map((pair) => ({
        ...pair,
        moved: movedAccountList(runs, pair),
      })),
    };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  io.stdout.write(formatScenarioComparison(comparison));
  if (simulations) {
    const names = runs.map((_, i) => String.fromCharCode(65 + i));
    io.stdout.write(`\n${formatSimulationTable(names, simulations)}`);
  }
}

function* movedCsv(
  runs: readonly ScenarioRun[],
  pairs: ReturnType<typeof compareRuns>['pairs'],
): Generator<string> {
  const cell = (value: string | null): string => (value === null ? '' : escapeCsvCell(value));
  yield 'scenario_a,scenario_b,account_id,from_territory,from_rep,to_territory,to_rep\n';
  for (const pair of pairs) {
    const a = runs[pair.a]!.scenario.name;
    const b = runs[pair.b]!.scenario.name;
    for (const m of movedAccountList(runs, pair)) {
      yield `${[a, b, m.accountId, m.from, m.fromRep, m.to, m.toRep].map(cell).join(',')}\n`;
    }
  }
}
