import { dirname, resolve } from 'node:path';
import { TesseraError, type AccountTable, type PluginRegistry, type RepTable } from '@tessera/core';
import { parseScenario, type Dataset, type Scenario } from '@tessera/scenarios';
import { CliError, type CliIO } from '../io.js';
import { loadBoundaries } from './load-boundaries.js';
import { loadPlan } from './load-plan.js';
import { loadTables } from './load-tables.js';
import { readJsonFile } from './read-json-file.js';

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
  unitsGeojson?: string | undefined;
  unitsId?: string | undefined;
  unitsName?: string | undefined;
}

/**
 * Loads the data scenarios run on: `--accounts/--reps/--baseline` when given, else the files the
 * scenario names, relative to the scenario file. Scenarios naming the same files share one load
 * (and its warnings print once), whatever baseline each puts on top.
 */
export class DatasetLoader {
  readonly #io: CliIO;
  readonly #flags: DatasetFlags;
  readonly #tables = new Map<string, Promise<{ accounts: AccountTable; reps: RepTable }>>();
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
    const units = this.#flags.unitsGeojson
      ? { geojson: this.#flags.unitsGeojson, id: this.#flags.unitsId, name: this.#flags.unitsName }
      : named?.units && { ...named.units, geojson: resolve(here, named.units.geojson) };
    if (!units && (this.#flags.unitsId || this.#flags.unitsName)) {
      throw new CliError('--units-id and --units-name describe a --units-geojson file: give one');
    }
    const key = JSON.stringify([accounts, reps, baseline ?? null, units ?? null]);
    let dataset = this.#loaded.get(key);
    if (!dataset) {
      dataset = this.#read(accounts, reps, baseline, units);
      this.#loaded.set(key, dataset);
    }
    return dataset;
  }

  async #read(
    accounts: string,
    reps: string,
    baseline: string | undefined,
    units: { geojson: string; id?: string | undefined; name?: string | undefined } | undefined,
  ): Promise<Dataset> {
    const blocks = units ? await loadBoundaries(units.geojson, units) : null;
    const key = JSON.stringify([accounts, reps]);
    let tables = this.#tables.get(key);
    if (!tables) {
      tables = loadTables(
        this.#io,
        { accounts, reps },
        { skipInvalid: this.#flags.skipInvalid ?? false },
      );
      this.#tables.set(key, tables);
    }
    const loaded = { ...(await tables), blocks };
    if (baseline === undefined) return loaded;
    // A baseline may leave accounts without owner: each run says how many.
    const plan = await loadPlan(this.#io, baseline, loaded, {
      accountsFile: accounts,
      role: 'baseline',
    });
    return { ...loaded, baseline: plan };
  }
}
