import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { TesseraError, type PluginRegistry } from '@tessera/core';
import { parseScenario, type Dataset, type Scenario } from '@tessera/scenarios';
import { CliError, type CliIO } from '../io.js';
import { loadPlan, loadTables } from './load-tables.js';

/** Reads a JSON file, naming the file in every failure. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(`cannot read "${path}" (${code})`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${path}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

export interface ScenarioFile {
  path: string;
  /** The JSON as written: what is sent to a worker. */
  raw: unknown;
  scenario: Scenario;
}

/** Reads and validates a scenario file; errors start with the file's path. */
export async function loadScenarioFile(
  path: string,
  registry: PluginRegistry,
): Promise<ScenarioFile> {
  const raw = await readJsonFile(path);
  try {
    return { path, raw, scenario: parseScenario(raw, { registry }) };
  } catch (error) {
    if (error instanceof TesseraError)
      throw new CliError(`${path}: ${error.message}`, { cause: error });
    throw error;
  }
}

export interface DatasetFlags {
  accounts?: string | undefined;
  reps?: string | undefined;
  baseline?: string | undefined;
  skipInvalid?: boolean | undefined;
}

/**
 * Loads the data scenarios run on: `--accounts/--reps/--baseline` when given, else the files the
 * scenario names, relative to the scenario file. Scenarios naming the same files share one load.
 */
export class DatasetLoader {
  readonly #io: CliIO;
  readonly #flags: DatasetFlags;
  readonly #loaded = new Map<string, Promise<Dataset>>();

  constructor(io: CliIO, flags: DatasetFlags) {
    this.#io = io;
    this.#flags = flags;
  }

  load(file: ScenarioFile): Promise<Dataset> {
    const here = dirname(file.path);
    const named = file.scenario.dataset;
    const accounts = this.#flags.accounts ?? (named && resolve(here, named.accounts));
    const reps = this.#flags.reps ?? (named && resolve(here, named.reps));
    const baseline =
      this.#flags.baseline ??
      (named?.baseline !== undefined ? resolve(here, named.baseline) : undefined);
    if (accounts === undefined || reps === undefined) {
      throw new CliError(
        `${file.path}: the scenario names no dataset: add "dataset": { "accounts": …, "reps": … } or give --accounts and --reps`,
      );
    }
    const key = JSON.stringify([accounts, reps, baseline ?? null]);
    let dataset = this.#loaded.get(key);
    if (!dataset) {
      dataset = this.#read(accounts, reps, baseline);
      this.#loaded.set(key, dataset);
    }
    return dataset;
  }

  async #read(accounts: string, reps: string, baseline: string | undefined): Promise<Dataset> {
    const tables = await loadTables(
      this.#io,
      { accounts, reps },
      { skipInvalid: this.#flags.skipInvalid ?? false },
    );
    if (baseline === undefined) return tables;
    return { ...tables, baseline: await loadPlan(baseline, tables.accounts, tables.reps) };
  }
}
