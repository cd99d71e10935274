import type { PluginInfo } from '@tessera/core';
import {
  datasetFromData,
  type DatasetData,
  type RunProgress,
  type ScenarioOutcome,
} from '@tessera/scenarios';
import {
  createBrowserScenarioPool,
  type BrowserWorker,
  type DatasetHandle,
  type ScenarioPool,
} from '@tessera/scenarios/worker';
import { loadDataset, type LoadDatasetOptions } from '../data/load-dataset.ts';
import { yieldToPage } from '../data/yield-to-page.ts';

export interface RunInWorkerOptions {
  /** The run's progress, `fraction` reaching 1 before the outcome arrives. */
  onProgress?: ((progress: RunProgress) => void) | undefined;
  /** Cancels the run (and the dataset's download if it is the only one waiting for it). */
  signal?: AbortSignal | undefined;
  /** Fails a run that takes longer, counted from when a worker picks it up. */
  timeoutMs?: number | undefined;
}

/** A strategy the scenario builder may offer: built-in or bundled from the project config. */
export type StrategyInfo = PluginInfo;

export interface PlannerPool {
  /** Runs a scenario on a dataset in a worker; the dataset reaches the pool once per id. */
  runInWorker(
    datasetId: string,
    scenario: unknown,
    options?: RunInWorkerOptions,
  ): Promise<ScenarioOutcome>;
  /** The workers' strategies with their parameters' JSON Schema, sorted by id. */
  listStrategies(): Promise<StrategyInfo[]>;
  /** Frees the pool's copies of a dataset (deleted, or no longer shown). */
  forgetDataset(datasetId: string): void;
  close(): Promise<void>;
}

export interface PlannerPoolDeps {
  createWorker: () => BrowserWorker;
  loadDataset: (datasetId: string, options?: LoadDatasetOptions) => Promise<{ data: DatasetData }>;
  /** Workers at most; default one per core but one (the page keeps its own), 1 to 4. */
  size?: number | undefined;
}

/**
 * The page's scenario pool: browser module workers running `exposeScenarioWorker` with the
 * project's plugins. Datasets come from the loader (already decoded off the main thread) and
 * are registered with the pool once per id; each worker receives its own transferred copy.
 */
export function createPlannerPool(deps: PlannerPoolDeps): PlannerPool {
  const pool: ScenarioPool = createBrowserScenarioPool({
    createWorker: deps.createWorker,
    size: deps.size ?? defaultSize(),
  });
  // The data each handle was made from: a dataset the loader downloaded again (it was
  // forgotten) is a new object, and gets a new handle.
  const handles = new Map<string, { data: DatasetData; handle: DatasetHandle }>();
  let strategies: Promise<StrategyInfo[]> | undefined;

  const handleFor = async (datasetId: string, signal: AbortSignal | undefined) => {
    // The loader shares one download between callers and stops it only when all gave up.
    const { data } = await deps.loadDataset(datasetId, { signal });
    // Each step below in a task of its own: together, for a large dataset, they would be a
    // long one (the tables built, then each worker's copy made and sent).
    await yieldToPage();
    const known = handles.get(datasetId);
    if (known?.data === data) return known.handle;
    if (known) pool.drop(known.handle);
    const handle = pool.load(datasetFromData(data), { transfer: true });
    handles.set(datasetId, { data, handle });
    return handle;
  };

  return {
    async runInWorker(datasetId, scenario, options = {}) {
      const handle = await handleFor(datasetId, options.signal);
      await yieldToPage();
      return pool.runOutcome(handle, scenario, {
        signal: options.signal,
        onProgress: options.onProgress,
        timeoutMs: options.timeoutMs,
      });
    },
    listStrategies() {
      strategies ??= pool.workers.exec((remote) => remote.strategies(), {
        label: 'listing strategies',
      });
      strategies.catch(() => {
        strategies = undefined;
      });
      return strategies;
    },
    forgetDataset(datasetId) {
      const known = handles.get(datasetId);
      handles.delete(datasetId);
      if (known) pool.drop(known.handle);
    },
    close() {
      handles.clear();
      return pool.close();
    },
  };
}

function defaultSize(): number {
  const cores = navigator.hardwareConcurrency;
  return Math.min(4, Math.max(1, cores > 1 ? cores - 1 : 1));
}

let pagePool: PlannerPool | undefined;

/** The page's one pool, started on first use. */
export function plannerPool(): PlannerPool {
  pagePool ??= createPlannerPool({
    createWorker: () =>
      new Worker(new URL('./scenario.worker.ts', import.meta.url), {
        type: 'module',
        name: 'tessera-scenario',
      }),
    loadDataset,
  });
  return pagePool;
}

/** Runs a scenario on a dataset in the page's scenario worker pool. */
export function runInWorker(
  datasetId: string,
  scenario: unknown,
  options: RunInWorkerOptions = {},
): Promise<ScenarioOutcome> {
  return plannerPool().runInWorker(datasetId, scenario, options);
}

/** The strategies the page's workers know: built-ins and the project config's plugins. */
export function listStrategies(): Promise<StrategyInfo[]> {
  return plannerPool().listStrategies();
}
