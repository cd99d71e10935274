import { TesseraError } from '@tessera/core';
import { proxy, transfer, type Remote } from 'comlink';
import { datasetToData, type Dataset, type DatasetData } from '../dataset/dataset.js';
import { toScenarioRun, type ScenarioRun } from '../run/run-scenario.js';
import type { RunProgress, ScenarioOutcome } from '../run/types.js';
import { runSweep, type RunSweepOptions, type SweepResult } from '../sweep/run-sweep.js';
import { copyBuffers } from './copy-buffers.js';
import type { ScenarioWorkerApi } from './scenario-worker-api.js';
import { WorkerPool, type PoolWorker, type TaskContext } from './worker-pool.js';

/** A dataset registered with a pool: workers receive it once, on their first run that needs it. */
export interface DatasetHandle {
  readonly key: string;
  readonly dataset: Dataset;
  /** Whether workers get it as transferred copies rather than by structured clone. */
  readonly transfer: boolean;
}

export interface LoadOptions {
  /**
   * Send each worker its own copy of the buffers made with `slice()` (a memcpy) and
   * transferred, instead of structured clone. The caller's tables stay usable either way.
   */
  transfer?: boolean | undefined;
}

export interface PoolRunOptions {
  signal?: AbortSignal | undefined;
  /** Overrides the pool's; counted from when a worker picks the run up (loading included). */
  timeoutMs?: number | undefined;
  onProgress?: ((progress: RunProgress) => void) | undefined;
  /** Called when a worker picks the run up: the time before it was spent waiting in the queue. */
  onStart?: (() => void) | undefined;
}

export interface PoolRunAllOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  onProgress?: ((index: number, progress: RunProgress) => void) | undefined;
}

export interface PoolSweepOptions extends Omit<RunSweepOptions, 'runner' | 'concurrency'> {
  /** Fails a run that takes longer, counted from when a worker picks it up. */
  timeoutMs?: number | undefined;
}

export interface ScenarioPoolOptions {
  size: number;
  spawn: () => PoolWorker<ScenarioWorkerApi>;
  cancelGraceMs?: number | undefined;
  timeoutMs?: number | undefined;
}

// Where a worker's notebook lists the dataset keys it holds.
const LOADED_KEY = 'scenario-pool:datasets';

/**
 * Runs scenarios on a {@link WorkerPool} of scenario workers, with one API in browsers and
 * Node. Datasets are registered once and reach each worker lazily; runs come back as
 * {@link ScenarioRun}s with the caller's own tables.
 */
export class ScenarioPool implements AsyncDisposable {
  readonly #pool: WorkerPool<ScenarioWorkerApi>;
  /** Keys of the datasets still wanted; a worker drops any other before its next task. */
  readonly #live = new Set<string>();
  readonly #own = new WeakSet<DatasetHandle>();
  /** The handles made for bare datasets, living as long as the dataset does. */
  readonly #implicit = new WeakMap<Dataset, DatasetHandle>();
  // A handle nobody can reach any more (a bare dataset gone, a handle never dropped) counts
  // as dropped.
  readonly #forget = new FinalizationRegistry<string>((key) => this.#live.delete(key));
  #nextKey = 1;
  #nextTask = 1;
  #nextLabel = 1;

  constructor(pool: WorkerPool<ScenarioWorkerApi>) {
    this.#pool = pool;
  }

  /** The most workers the pool runs at once. */
  get size(): number {
    return this.#pool.size;
  }

  /** The generic pool underneath, e.g. for `stats()`. */
  get workers(): WorkerPool<ScenarioWorkerApi> {
    return this.#pool;
  }

  /** Registers a dataset; nothing is sent until a run needs it on a worker. */
  load(dataset: Dataset, options: LoadOptions = {}): DatasetHandle {
    const handle: DatasetHandle = {
      key: `dataset-${this.#nextKey++}`,
      dataset,
      transfer: options.transfer ?? false,
    };
    this.#live.add(handle.key);
    this.#own.add(handle);
    this.#forget.register(handle, handle.key, handle);
    return handle;
  }

  /** Forgets a dataset; each worker frees its copy before its next task. */
  drop(handle: DatasetHandle): void {
    this.#live.delete(handle.key);
    this.#forget.unregister(handle);
    if (this.#implicit.get(handle.dataset) === handle) this.#implicit.delete(handle.dataset);
  }

  async run(
    datasetOrHandle: Dataset | DatasetHandle,
    scenario: unknown,
    options: PoolRunOptions = {},
  ): Promise<ScenarioRun> {
    const handle = this.#handleOf(datasetOrHandle);
    const outcome = await this.runOutcome(handle, scenario, options);
    return toScenarioRun(handle.dataset, scenario, outcome);
  }

  /**
   * {@link run} without rebuilding the edited tables on this side: the plain outcome a worker
   * sends back, for callers that only read metrics (sweeps) or store results.
   */
  async runOutcome(
    datasetOrHandle: Dataset | DatasetHandle,
    scenario: unknown,
    options: PoolRunOptions = {},
  ): Promise<ScenarioOutcome> {
    const handle = this.#handleOf(datasetOrHandle);
    const { onProgress } = options;
    const label = this.#label(scenario);
    return this.#pool
      .exec(
        async (remote, ctx) => {
          options.onStart?.();
          await this.#ensureLoaded(remote, ctx, handle);
          const taskId = `run-${this.#nextTask++}`;
          const cancel = (): void => {
            remote.cancel(taskId).catch(() => undefined);
          };
          ctx.signal.addEventListener('abort', cancel, { once: true });
          try {
            return await remote.run(
              taskId,
              handle.key,
              scenario,
              onProgress ? proxy(onProgress) : undefined,
            );
          } finally {
            ctx.signal.removeEventListener('abort', cancel);
          }
        },
        { signal: options.signal, timeoutMs: options.timeoutMs, label },
      )
      .catch((error: unknown) => {
        throw withLabel(error, label);
      });
  }

  /**
   * Runs scenarios side by side across the pool, results in input order. The first failure
   * cancels the runs still going and is what rejects.
   */
  async runAll(
    datasetOrHandle: Dataset | DatasetHandle,
    scenarios: readonly unknown[],
    options: PoolRunAllOptions = {},
  ): Promise<ScenarioRun[]> {
    const handle = this.#handleOf(datasetOrHandle);
    const controller = new AbortController();
    const signal = options.signal
      ? AbortSignal.any([options.signal, controller.signal])
      : controller.signal;
    const { onProgress } = options;
    return Promise.all(
      scenarios.map((scenario, index) =>
        this.run(handle, scenario, {
          signal,
          timeoutMs: options.timeoutMs,
          onProgress:
            onProgress &&
            ((progress) => {
              onProgress(index, progress);
            }),
        }).catch((error: unknown) => {
          controller.abort(error);
          throw error;
        }),
      ),
    );
  }

  /**
   * Runs a sweep's grid across the pool (every run queued at once, one per worker at a time),
   * the dataset sent to each worker once. Same result as `runSweep` in this thread, faster.
   */
  sweep(
    datasetOrHandle: Dataset | DatasetHandle,
    sweep: unknown,
    options: PoolSweepOptions = {},
  ): Promise<SweepResult> {
    const handle = this.#handleOf(datasetOrHandle);
    const { timeoutMs, ...rest } = options;
    return runSweep(handle.dataset, sweep, {
      ...rest,
      // A row's time is the worker's measure of its run, not the wait in the queue.
      runner: (scenario, runOptions) =>
        this.runOutcome(handle, scenario, {
          signal: runOptions.signal,
          timeoutMs,
          onStart: runOptions.onStart,
        }),
    });
  }

  close(): Promise<void> {
    return this.#pool.close();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  #handleOf(datasetOrHandle: Dataset | DatasetHandle): DatasetHandle {
    if (isHandle(datasetOrHandle)) {
      if (!this.#own.has(datasetOrHandle) || !this.#live.has(datasetOrHandle.key)) {
        throw new TesseraError(
          'DATASET_DROPPED',
          `scenario pool: dataset "${datasetOrHandle.key}" was dropped or belongs to another pool`,
        );
      }
      return datasetOrHandle;
    }
    let handle = this.#implicit.get(datasetOrHandle);
    if (!handle) {
      handle = this.load(datasetOrHandle);
      this.#implicit.set(datasetOrHandle, handle);
    }
    return handle;
  }

  async #ensureLoaded(
    remote: Remote<ScenarioWorkerApi>,
    ctx: TaskContext,
    handle: DatasetHandle,
  ): Promise<void> {
    const loaded = loadedKeys(ctx);
    for (const key of loaded) {
      if (this.#live.has(key)) continue;
      await remote.dropDataset(key);
      loaded.delete(key);
    }
    if (loaded.has(handle.key)) return;
    const data = datasetToData(handle.dataset);
    await remote.loadDataset(handle.key, handle.transfer ? transferredCopy(data) : data);
    loaded.add(handle.key);
  }

  #label(scenario: unknown): string {
    const name =
      scenario !== null && typeof scenario === 'object'
        ? (scenario as { name?: unknown }).name
        : undefined;
    return typeof name === 'string' && name !== ''
      ? `scenario "${name}"`
      : `scenario #${this.#nextLabel++}`;
  }
}

/** A scenario pool over workers that `spawn` starts (each running `exposeScenarioWorker`). */
export function createScenarioPool(options: ScenarioPoolOptions): ScenarioPool {
  return new ScenarioPool(new WorkerPool<ScenarioWorkerApi>(options));
}

/** A plugin's own error (no Tessera code) gets the scenario's name and a code to branch on. */
function withLabel(error: unknown, label: string): unknown {
  if (error instanceof TesseraError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new TesseraError('RUN_FAILED', `${label}: ${message}`, { cause: error });
}

function transferredCopy(data: DatasetData): DatasetData {
  const { copy, transferables } = copyBuffers(data);
  return transfer(copy, transferables);
}

function loadedKeys(ctx: TaskContext): Set<string> {
  const existing = ctx.worker.state.get(LOADED_KEY);
  if (existing instanceof Set) return existing as Set<string>;
  const created = new Set<string>();
  ctx.worker.state.set(LOADED_KEY, created);
  return created;
}

function isHandle(value: Dataset | DatasetHandle): value is DatasetHandle {
  return 'key' in value && 'dataset' in value;
}
