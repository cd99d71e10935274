import type { ScenarioRun } from '@tessera/scenarios';
import { transfer, wrap, type Remote } from 'comlink';
import {
  shapesRequest,
  transferableRequest,
  type ShapesWorkerApi,
  type TerritoryCollection,
} from './territory-shapes-job.ts';

export type { TerritoryCollection } from './territory-shapes-job.ts';

interface ShapesWorker {
  worker: Worker;
  remote: Remote<ShapesWorkerApi>;
  /** Calls waiting for it, each failed with the worker if it dies. */
  waiting: Set<(error: Error) => void>;
}

let current: ShapesWorker | undefined;

function shapesWorker(): ShapesWorker {
  if (current) return current;
  const worker = new Worker(new URL('./territory-shapes.worker.ts', import.meta.url), {
    type: 'module',
    name: 'tessera-territory-shapes',
  });
  const started: ShapesWorker = {
    worker,
    remote: wrap<ShapesWorkerApi>(worker),
    waiting: new Set(),
  };
  worker.addEventListener('error', (event) => {
    stop(started, new Error(event.message || 'the territory shapes worker failed'));
  });
  current = started;
  return started;
}

function stop(target: ShapesWorker, error: Error): void {
  target.worker.terminate();
  if (current === target) current = undefined;
  for (const fail of target.waiting) fail(error);
  target.waiting.clear();
}

/**
 * A run's territory shapes, drawn in a worker (core's block unions or Voronoi cells: seconds at
 * 100k accounts, never on the page's thread). The page sends the accounts' places, workload and
 * the plan (copies of just those columns, transferred; the run keeps its own). Aborting gives up on the answer, and stops the
 * worker when no other call waits on it, so a new run need not wait for a stale one.
 */
export function shapesInWorker(
  run: ScenarioRun,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<TerritoryCollection> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  const target = shapesWorker();
  return new Promise<TerritoryCollection>((resolve, reject) => {
    const fail = (error: Error) => {
      done();
      reject(error);
    };
    const aborted = () => {
      fail(abortReason(signal));
      if (target.waiting.size === 0) stop(target, abortReason(signal));
    };
    const done = () => {
      target.waiting.delete(fail);
      signal?.removeEventListener('abort', aborted);
    };
    target.waiting.add(fail);
    signal?.addEventListener('abort', aborted, { once: true });
    const { request, transfer: buffers } = transferableRequest(shapesRequest(run));
    target.remote.shapes(transfer(request, buffers)).then(
      (shapes) => {
        done();
        resolve(shapes);
      },
      (error: unknown) => {
        fail(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error
    ? reason
    : new DOMException('The shapes were not needed', 'AbortError');
}
