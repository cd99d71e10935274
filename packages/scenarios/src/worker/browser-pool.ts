import { wrap, type Endpoint } from 'comlink';
import { createScenarioPool, type ScenarioPool } from './scenario-pool.js';
import type { ScenarioWorkerApi } from './scenario-worker-api.js';
import type { PoolWorker } from './worker-pool.js';

/** What the pool needs of a browser `Worker` (kept structural so Node typings need no DOM). */
export interface BrowserWorker extends Endpoint {
  terminate(): void;
}

export interface BrowserScenarioPoolOptions {
  /** E.g. `() => new Worker(new URL('./scenario.worker.ts', import.meta.url), { type: 'module' })`. */
  createWorker: () => BrowserWorker;
  /** Default: the machine's logical cores (`navigator.hardwareConcurrency`). */
  size?: number | undefined;
  cancelGraceMs?: number | undefined;
  timeoutMs?: number | undefined;
}

/** A scenario pool of browser module workers, each running `exposeScenarioWorker()`. */
export function createBrowserScenarioPool(options: BrowserScenarioPoolOptions): ScenarioPool {
  const { createWorker } = options;
  return createScenarioPool({
    size: options.size ?? hardwareConcurrency(),
    cancelGraceMs: options.cancelGraceMs,
    timeoutMs: options.timeoutMs,
    spawn: () => browserPoolWorker<ScenarioWorkerApi>(createWorker()),
  });
}

/** A browser worker as a {@link PoolWorker}: comlink-wrapped, its 'error' events as failures. */
export function browserPoolWorker<Api>(worker: BrowserWorker): PoolWorker<Api> {
  let failed = false;
  const listeners: ((error: Error) => void)[] = [];
  const fail = (error: Error): void => {
    if (failed) return;
    failed = true;
    for (const listener of listeners) listener(error);
  };
  // An uncaught error leaves the worker in an unknown state: the pool replaces it.
  worker.addEventListener('error', (event: unknown) => {
    const message = (event as { message?: unknown }).message;
    fail(
      new Error(
        typeof message === 'string' && message !== ''
          ? `the worker failed: ${message}`
          : 'the worker failed to load or crashed',
      ),
    );
  });
  worker.addEventListener('messageerror', () => {
    fail(new Error('the worker received a message it could not deserialise'));
  });
  return {
    remote: wrap<Api>(worker),
    terminate: () => {
      failed = true;
      worker.terminate();
    },
    onFailure(listener) {
      listeners.push(listener);
    },
  };
}

function hardwareConcurrency(): number {
  const navigator = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  const cores = navigator?.hardwareConcurrency;
  return typeof cores === 'number' && cores >= 1 ? cores : 2;
}
