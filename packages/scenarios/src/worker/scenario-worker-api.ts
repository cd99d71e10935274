import { collectBuffers, TesseraError, type PluginInfo, type StrategyPlugin } from '@tessera/core';
import { createBuiltinRegistry } from '@tessera/plugins';
import { releaseProxy, transfer } from 'comlink';
import { datasetFromData, type Dataset, type DatasetData } from '../dataset/dataset.js';
import { runScenarioOutcome } from '../run/run-scenario.js';
import type { RunProgress, ScenarioOutcome } from '../run/types.js';

/**
 * Where a worker reports progress. The caller passes `proxy(fn)`; in the worker it is a
 * comlink proxy whose calls return a promise of the delivery.
 */
export type ProgressSink = (progress: RunProgress) => void | Promise<void>;

/** The one object a scenario worker exposes. Datasets are loaded once per worker, by key. */
export interface ScenarioWorkerApi {
  /** Keeps a dataset for later runs (replacing one under the same key). */
  loadDataset(key: string, data: DatasetData): void;
  /** Forgets a dataset; false when it was not loaded. */
  dropDataset(key: string): boolean;
  /** Runs a scenario on a loaded dataset; the plan's array comes back transferred. */
  run(
    taskId: string,
    key: string,
    scenario: unknown,
    onProgress?: ProgressSink,
  ): Promise<ScenarioOutcome>;
  /** Cooperative cancel: aborts the run's signal; false when no such run is going on. */
  cancel(taskId: string): boolean;
  /**
   * The strategies scenarios in this worker may name (built-ins and the worker's plugins),
   * sorted by id, each with its parameters' JSON Schema: what a page bundling plugins into its
   * worker shows in its strategy picker.
   */
  strategies(): PluginInfo[];
  ping(): 'pong';
}

export interface ScenarioWorkerOptions {
  /** Strategies on top of the built-in ones that scenarios in this worker may name. */
  plugins?: readonly StrategyPlugin[] | undefined;
  /**
   * Adapts each run before it starts: what the host sent as the scenario may carry more than
   * the scenario (the API sends its dataset's boundaries file with it), so this returns the
   * scenario and the dataset to run it on (with its `blocks`, say).
   */
  prepareRun?: ((dataset: Dataset, sent: unknown) => PreparedRun) | undefined;
}

/** What {@link ScenarioWorkerOptions.prepareRun} returns. */
export interface PreparedRun {
  dataset: Dataset;
  scenario: unknown;
}

// Progress finer than this is not worth a message across threads.
const PROGRESS_STEP = 0.01;

interface LoadedDataset {
  dataset: Dataset;
  buffers: ReadonlySet<ArrayBufferLike>;
}

/** The worker side of a scenario pool, usable in-thread too (tests call it directly). */
export function createScenarioWorkerApi(options: ScenarioWorkerOptions = {}): ScenarioWorkerApi {
  const registry = createBuiltinRegistry();
  for (const plugin of options.plugins ?? []) {
    // `plugins: [...builtinPlugins, mine]` names the built-ins twice: the same objects are fine.
    if (registry.has(plugin.id) && registry.get(plugin.id) === plugin) continue;
    registry.register(plugin);
  }
  const datasets = new Map<string, LoadedDataset>();
  const running = new Map<string, AbortController>();

  return {
    loadDataset(key, data) {
      datasets.set(key, { dataset: datasetFromData(data), buffers: new Set(collectBuffers(data)) });
    },

    dropDataset(key) {
      return datasets.delete(key);
    },

    async run(taskId, key, scenario, onProgress) {
      const loaded = datasets.get(key);
      if (!loaded) {
        throw new TesseraError('DATASET_NOT_LOADED', `worker: no dataset loaded under "${key}"`);
      }
      if (running.has(taskId)) {
        throw new TesseraError('DUPLICATE_TASK', `worker: task "${taskId}" is already running`);
      }
      const controller = new AbortController();
      running.set(taskId, controller);
      const progress = onProgress ? forwardProgress(onProgress) : undefined;
      try {
        const prepared = options.prepareRun?.(loaded.dataset, scenario) ?? {
          dataset: loaded.dataset,
          scenario,
        };
        const outcome = await runScenarioOutcome(prepared.dataset, prepared.scenario, {
          registry,
          signal: controller.signal,
          onProgress: progress?.report,
        });
        const territoryOf = ownedArray(outcome.plan.territoryOf, loaded.buffers);
        const plan = { ...outcome.plan, territoryOf };
        return transfer({ ...outcome, plan }, [territoryOf.buffer]);
      } finally {
        running.delete(taskId);
        // Progress travels on its own channel: let it land before the result does.
        await progress?.flush();
      }
    },

    cancel(taskId) {
      const controller = running.get(taskId);
      controller?.abort(new TesseraError('RUN_CANCELLED', `worker: task "${taskId}" cancelled`));
      return controller !== undefined;
    },

    strategies() {
      return registry.list();
    },

    ping() {
      return 'pong';
    },
  };
}

/**
 * The plan's array, safe to transfer: a copy when it shares a buffer with the worker's dataset
 * (a strategy may hand back an input array) or is a view into a larger buffer.
 */
function ownedArray(
  array: Int32Array,
  datasetBuffers: ReadonlySet<ArrayBufferLike>,
): Int32Array<ArrayBuffer> {
  const { buffer } = array;
  const owned =
    buffer instanceof ArrayBuffer &&
    !datasetBuffers.has(buffer) &&
    array.byteOffset === 0 &&
    array.byteLength === buffer.byteLength;
  return owned ? (array as Int32Array<ArrayBuffer>) : array.slice();
}

/**
 * Sends progress when the stage or message changes or the run moves on by a percent, and
 * remembers the last delivery so the run can wait for it.
 */
function forwardProgress(sink: ProgressSink): {
  report: (progress: RunProgress) => void;
  flush: () => Promise<void>;
} {
  let last: RunProgress | null = null;
  let delivered: Promise<unknown> = Promise.resolve();
  return {
    report(progress) {
      const worthSending =
        last === null ||
        progress.stage !== last.stage ||
        progress.message !== last.message ||
        progress.fraction >= 1 ||
        progress.fraction - last.fraction >= PROGRESS_STEP;
      if (!worthSending) return;
      last = progress;
      // A caller's progress handler that throws must not fail the run.
      delivered = new Promise((resolve) => {
        resolve(sink({ ...progress }));
      }).catch(() => undefined);
    },
    async flush() {
      await delivered;
      // A comlink proxy holds a message port open on the caller's side until released.
      const release = (sink as Partial<Record<typeof releaseProxy, () => void>>)[releaseProxy];
      if (typeof release === 'function') release();
    },
  };
}
