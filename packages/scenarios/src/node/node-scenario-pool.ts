import { availableParallelism } from 'node:os';
import type { ResourceLimits } from 'node:worker_threads';
import { createScenarioPool, type ScenarioPool } from '../worker/scenario-pool.js';
import type { ScenarioWorkerApi } from '../worker/scenario-worker-api.js';
import { WorkerPool } from '../worker/worker-pool.js';
import { spawnNodeWorker } from './node-pool-worker.js';
import { PLUGIN_MODULES_KEY } from './plugin-modules-key.js';

/** The default worker module, beside this one whether running from sources or from dist. */
export const defaultScenarioWorkerUrl = new URL(
  import.meta.url.endsWith('.ts') ? './scenario-worker.ts' : './scenario-worker.js',
  import.meta.url,
);

export interface NodePoolOptions {
  /** Default: `os.availableParallelism()`. */
  size?: number | undefined;
  resourceLimits?: ResourceLimits | undefined;
  timeoutMs?: number | undefined;
  cancelGraceMs?: number | undefined;
}

export interface NodeScenarioPoolOptions extends NodePoolOptions {
  /** A module that calls `exposeNodeScenarioWorker(...)`; default: the built-in strategies. */
  workerUrl?: URL | undefined;
  /**
   * Plugin modules (`file:` URLs) every worker imports and offers on top of the built-in
   * strategies: the `urls` of `loadProjectPlugins` from `@tessera/core/node`, so workers run
   * the same third-party strategies as the thread that loaded them.
   */
  pluginModules?: readonly string[] | undefined;
}

export interface NodeWorkerPoolOptions extends NodePoolOptions {
  /** A module exposing one object with comlink over `parentPort`. */
  workerUrl: URL;
}

/** Scenario runs on `worker_threads`, one worker per core by default. */
export function createNodeScenarioPool(options: NodeScenarioPoolOptions = {}): ScenarioPool {
  const url = options.workerUrl ?? defaultScenarioWorkerUrl;
  const { resourceLimits } = options;
  const workerData = { [PLUGIN_MODULES_KEY]: [...(options.pluginModules ?? [])] };
  return createScenarioPool({
    size: options.size ?? availableParallelism(),
    timeoutMs: options.timeoutMs,
    cancelGraceMs: options.cancelGraceMs,
    spawn: () =>
      spawnNodeWorker<ScenarioWorkerApi>(url, {
        resourceLimits,
        name: 'tessera-scenario',
        workerData,
      }),
  });
}

/** A generic {@link WorkerPool} of `worker_threads` Workers running `workerUrl`. */
export function createNodeWorkerPool<Api>(options: NodeWorkerPoolOptions): WorkerPool<Api> {
  const { workerUrl, resourceLimits } = options;
  return new WorkerPool<Api>({
    size: options.size ?? availableParallelism(),
    timeoutMs: options.timeoutMs,
    cancelGraceMs: options.cancelGraceMs,
    spawn: () => spawnNodeWorker<Api>(workerUrl, { resourceLimits }),
  });
}
