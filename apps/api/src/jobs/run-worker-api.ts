import { collectBuffers, TesseraError, type StrategyPlugin } from '@tessera/core';
import { createBuiltinRegistry } from '@tessera/plugins';
import {
  datasetFromData,
  runScenarioOutcome,
  type Dataset,
  type ProgressSink,
  type RunProgress,
  type ScenarioWorkerApi,
} from '@tessera/scenarios';
import { releaseProxy, transfer } from 'comlink';
import { BlockCache } from '../boundaries/block-cache.js';
import { openEnvelope } from './boundaries-envelope.js';

// Progress finer than this is not worth a message across threads.
const PROGRESS_STEP = 0.01;

interface LoadedDataset {
  dataset: Dataset;
  buffers: ReadonlySet<ArrayBufferLike>;
}

/**
 * The API's job thread: `@tessera/scenarios`' worker (`createScenarioWorkerApi`), with one
 * addition: a scenario that comes with its dataset's boundaries file (boundaries-envelope.ts)
 * runs with the blocks built from it, cached by upload, so the strategy gets `ctx.blocks` and
 * the metrics count pieces on them as `runScenario` does in-process.
 */
export function createRunWorkerApi(plugins: readonly StrategyPlugin[] = []): ScenarioWorkerApi {
  const registry = createBuiltinRegistry();
  for (const plugin of plugins) {
    if (registry.has(plugin.id) && registry.get(plugin.id) === plugin) continue;
    registry.register(plugin);
  }
  const datasets = new Map<string, LoadedDataset>();
  const running = new Map<string, AbortController>();
  const blocks = new BlockCache(2);

  return {
    loadDataset(key, data) {
      datasets.set(key, { dataset: datasetFromData(data), buffers: new Set(collectBuffers(data)) });
    },

    dropDataset(key) {
      return datasets.delete(key);
    },

    async run(taskId, key, sent, onProgress) {
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
        const { scenario, boundaries } = openEnvelope(sent);
        const dataset = boundaries
          ? { ...loaded.dataset, blocks: blocks.get(boundaries) }
          : loaded.dataset;
        const outcome = await runScenarioOutcome(dataset, scenario, {
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

/** Sends progress when the stage or message changes or the run moves on by a percent. */
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
      // A progress handler that throws must not fail the run.
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
