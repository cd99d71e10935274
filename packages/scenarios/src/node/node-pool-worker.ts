import { Worker, type ResourceLimits, type WorkerOptions } from 'node:worker_threads';
import { wrap } from 'comlink';
import { nodeEndpoint } from './node-endpoint.js';
import { TesseraError } from '@tessera/core';
import type { PoolWorker } from '../worker/worker-pool.js';

export interface NodeWorkerOptions {
  /** Heap limits of the worker; a worker over them fails its task, not the process. */
  resourceLimits?: ResourceLimits | undefined;
  /** Shown in debuggers and `worker.threadId` listings. */
  name?: string | undefined;
  /** Cloned into the worker as `workerData`. */
  workerData?: unknown;
}

/**
 * Starts `url` in a `worker_threads` Worker and wraps its exposed object with comlink's Node
 * adapter. Idle workers are unref'd, so a pool that was never closed does not keep the
 * process alive once nothing is running.
 */
export function spawnNodeWorker<Api>(url: URL, options: NodeWorkerOptions = {}): PoolWorker<Api> {
  const worker = new Worker(url, {
    ...runnerOptions(url),
    resourceLimits: options.resourceLimits,
    name: options.name,
    workerData: options.workerData,
  });
  worker.unref();
  let failed = false;
  let terminated = false;
  const listeners: ((error: Error) => void)[] = [];
  const fail = (error: Error): void => {
    if (failed || terminated) return;
    failed = true;
    for (const listener of listeners) listener(error);
  };
  worker.on('error', (error: unknown) => {
    fail(describeWorkerError(error, options.resourceLimits));
  });
  worker.on('exit', (code: number) => {
    fail(new Error(`the worker exited unexpectedly with code ${code}`));
  });
  return {
    remote: wrap<Api>(nodeEndpoint(worker)),
    terminate: () => {
      terminated = true;
      return worker.terminate();
    },
    onFailure(listener) {
      listeners.push(listener);
    },
    setBusy(busy) {
      if (busy) worker.ref();
      else worker.unref();
    },
  };
}

/**
 * A worker written in TypeScript (this package run from its sources, as tests do) runs under
 * tsx with workspace packages resolved to their sources; a built `.js` worker runs plainly.
 */
export function runnerOptions(url: URL): Pick<WorkerOptions, 'execArgv'> {
  if (!/\.[cm]?ts$/.test(url.pathname)) return {};
  let tsx: string;
  try {
    tsx = import.meta.resolve('tsx');
  } catch (error) {
    throw new TesseraError(
      'WORKER_FAILED',
      `worker ${url.href}: a TypeScript worker needs the tsx package, which was not found`,
      { cause: error },
    );
  }
  return { execArgv: ['--conditions=@tessera/source', '--import', tsx] };
}

function describeWorkerError(error: unknown, limits: ResourceLimits | undefined): Error {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    const limit = limits?.maxOldGenerationSizeMb;
    const detail = limit === undefined ? '' : ` (resourceLimits.maxOldGenerationSizeMb: ${limit})`;
    return new Error(`the worker ran out of memory${detail}`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`the worker crashed: ${message}`, { cause: error });
}
