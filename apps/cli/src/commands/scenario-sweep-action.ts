import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { TesseraError, type PluginRegistry } from '@tessera/core';
import { parseScenario, parseSweep } from '@tessera/scenarios';
import { createNodeScenarioPool } from '@tessera/scenarios/node';
import { DatasetLoader, loadScenarioFile, type ScenarioFile } from '../files/load-scenario.js';
import { readJsonFile } from '../files/read-json-file.js';
import { writeOutput } from '../files/write-output.js';
import { formatSweepTable } from '../format/sweep-table.js';
import { CliError, type CliIO } from '../io.js';
import { batchProgressReporter } from '../scenario-progress.js';
import { loadCommandPlugins } from '../plugins/load-plugins.js';
import type { ScenarioSweepOptions } from './scenario-sweep.js';

export async function scenarioSweep(
  io: CliIO,
  path: string,
  options: ScenarioSweepOptions,
): Promise<void> {
  const { registry, pluginModules } = await loadCommandPlugins(options, io.directory);
  const raw = await readJsonFile(path);
  const sweep = withFile(path, () => parseSweep(raw));
  // The base scenario's dataset paths are relative to the file that holds it.
  const base: ScenarioFile =
    typeof sweep.scenario === 'string'
      ? await loadScenarioFile(resolve(dirname(path), sweep.scenario), registry)
      : inlineScenario(path, (raw as { scenario: unknown }).scenario, registry);
  const dataset = await new DatasetLoader(io, options).load(base);

  const progress = batchProgressReporter(io, 'sweep');
  const pool = createNodeScenarioPool({
    size: options.workers ?? availableParallelism(),
    timeoutMs: options.timeout === undefined ? undefined : options.timeout * 1000,
    pluginModules,
  });
  let result;
  try {
    result = await pool.sweep(dataset, raw, {
      registry,
      baseScenario: base.raw,
      onProgress: (done, total) => {
        progress.done(done, total, 'runs done');
      },
    });
  } catch (error) {
    if (error instanceof TesseraError)
      throw new CliError(`${path}: ${error.message}`, { cause: error });
    throw error;
  } finally {
    progress.stop();
    await pool.close();
  }
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (options.out) await writeOutput(options.out, [json]);
  io.stdout.write(options.format === 'json' ? json : formatSweepTable(result));
}

function inlineScenario(path: string, raw: unknown, registry: PluginRegistry): ScenarioFile {
  return { path, raw, scenario: withFile(path, () => parseScenario(raw, { registry })) };
}

function withFile<T>(path: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof TesseraError)
      throw new CliError(`${path}: ${error.message}`, { cause: error });
    throw error;
  }
}
