import { TesseraError } from '@tessera/core';
import type { Remote } from 'comlink';
import { registerErrorTransfer } from './error-transfer.js';

/**
 * One worker as the pool sees it, whatever runs it (a browser `Worker`, a Node
 * `worker_threads` Worker, a MessageChannel in a test): the comlink proxy of its one exposed
 * object, a way to kill it, and a way to hear that it died.
 */
export interface PoolWorker<Api> {
  readonly remote: Remote<Api>;
  /** Stops the worker at once, even inside a synchronous loop. */
  // A browser Worker's terminate() returns nothing, a Node Worker's a promise of its exit.
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type
  terminate(): void | Promise<unknown>;
  /** Called at most once, when the worker crashes, exits or runs out of memory. */
  onFailure(listener: (error: Error) => void): void;
  /**
   * Told when the worker starts and ends a task; Node workers use it so an idle pool does not
   * keep the process alive.
   */
  setBusy?(busy: boolean): void;
}

/** The worker a task runs on. `state` is the task's notebook for that worker (e.g. which
 * datasets it holds); a replacement worker starts with an empty one. */
export interface WorkerInfo {
  readonly id: number;
  readonly state: Map<string, unknown>;
}

export interface TaskContext {
  /** Aborted on cancellation or timeout: forward it to the worker as a cooperative cancel. */
  readonly signal: AbortSignal;
  readonly worker: WorkerInfo;
}

export type PoolTask<Api, T> = (remote: Remote<Api>, ctx: TaskContext) => Promise<T>;

export interface ExecOptions {
  signal?: AbortSignal | undefined;
  /** Overrides the pool's `timeoutMs`; counted from when a worker picks the task up. */
  timeoutMs?: number | undefined;
  /** Names the task in errors, e.g. `scenario "north"`. */
  label?: string | undefined;
}

export interface WorkerPoolOptions<Api> {
  /** The most workers alive at once; each runs one task at a time. */
  size: number;
  spawn: () => PoolWorker<Api>;
  /** How long a cancelled or timed-out task may take to stop by itself before its worker is
   * terminated and replaced. Default 200. */
  cancelGraceMs?: number | undefined;
  /** Default time limit of every task; none when unset. */
  timeoutMs?: number | undefined;
}

export interface WorkerPoolStats {
  /** Workers alive now (spawned lazily, so at most `size`). */
  workers: number;
  busy: number;
  queued: number;
}

const DEFAULT_CANCEL_GRACE_MS = 200;

type StopKind = 'cancelled' | 'timeout';

interface Job<Api> {
  readonly task: PoolTask<Api, unknown>;
  readonly label: string;
  readonly timeoutMs: number | undefined;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  /** Stops listening to the caller's signal while queued. */
  unqueue: () => void;
}

interface Slot<Api> {
  readonly info: WorkerInfo;
  readonly worker: PoolWorker<Api>;
  dead: boolean;
  /** Ends the running task with this error; null while idle. */
  abortRunning: ((error: Error) => void) | null;
}

/**
 * A fixed-size pool of workers that each expose one comlink object. Tasks queue in FIFO order
 * and run one per worker. A task that is cancelled or times out first gets a cooperative
 * cancel (its `ctx.signal`); a worker that does not stop within `cancelGraceMs`, or that
 * crashes, is terminated and replaced, so one bad task never takes the pool down.
 */
export class WorkerPool<Api> implements AsyncDisposable {
  readonly size: number;
  readonly #spawn: () => PoolWorker<Api>;
  readonly #cancelGraceMs: number;
  readonly #timeoutMs: number | undefined;
  readonly #slots: Slot<Api>[] = [];
  #queue: Job<Api>[] = [];
  #nextWorkerId = 1;
  #nextTaskId = 1;
  #closing: Promise<void> | null = null;

  constructor(options: WorkerPoolOptions<Api>) {
    const { size, cancelGraceMs = DEFAULT_CANCEL_GRACE_MS, timeoutMs } = options;
    if (!Number.isInteger(size) || size < 1) {
      throw new TesseraError(
        'INVALID_OPTION',
        `worker pool: size must be an integer of at least 1, got ${String(size)}`,
      );
    }
    checkMs('cancelGraceMs', cancelGraceMs);
    if (timeoutMs !== undefined) checkMs('timeoutMs', timeoutMs);
    this.size = size;
    this.#spawn = options.spawn;
    this.#cancelGraceMs = cancelGraceMs;
    this.#timeoutMs = timeoutMs;
    registerErrorTransfer();
  }

  get closed(): boolean {
    return this.#closing !== null;
  }

  stats(): WorkerPoolStats {
    return {
      workers: this.#slots.length,
      busy: this.#slots.filter((slot) => slot.abortRunning !== null).length,
      queued: this.#queue.length,
    };
  }

  /**
   * Runs `task` on the next free worker. Rejects with `RUN_CANCELLED` / `RUN_TIMEOUT` when
   * stopped, `WORKER_FAILED` when the worker dies under it, `POOL_CLOSED` after
   * {@link close}; errors thrown in the worker arrive with their message and code.
   */
  exec<T>(task: PoolTask<Api, T>, options: ExecOptions = {}): Promise<T> {
    const label = options.label ?? `task ${this.#nextTaskId++}`;
    if (this.#closing) return Promise.reject(closedError(label));
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(stopError('cancelled', label, signal.reason));
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    if (timeoutMs !== undefined) checkMs('timeoutMs', timeoutMs);

    return new Promise<T>((resolve, reject) => {
      const job: Job<Api> = {
        task,
        label,
        timeoutMs,
        signal,
        resolve: resolve as (value: unknown) => void,
        reject,
        unqueue: () => undefined,
      };
      if (signal) {
        const onAbort = (): void => {
          this.#queue = this.#queue.filter((queued) => queued !== job);
          reject(stopError('cancelled', label, signal.reason));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        job.unqueue = () => {
          signal.removeEventListener('abort', onAbort);
        };
      }
      this.#queue.push(job);
      this.#pump();
    });
  }

  /** Terminates every worker; queued and running tasks reject with `POOL_CLOSED`. */
  close(): Promise<void> {
    this.#closing ??= this.#shutDown();
    return this.#closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  async #shutDown(): Promise<void> {
    const queued = this.#queue;
    this.#queue = [];
    for (const job of queued) {
      job.unqueue();
      job.reject(closedError(job.label));
    }
    const slots = [...this.#slots];
    for (const slot of slots) slot.abortRunning?.(closedError(null));
    await Promise.allSettled(slots.map((slot) => this.#retire(slot)));
  }

  #pump(): void {
    while (!this.#closing && this.#queue.length > 0) {
      let slot = this.#slots.find((s) => s.abortRunning === null);
      if (!slot) {
        if (this.#slots.length >= this.size) return;
        try {
          slot = this.#spawnSlot();
        } catch (error) {
          // A worker that cannot even start fails the task that needed it, not the pool.
          const job = this.#queue.shift()!;
          job.unqueue();
          job.reject(
            new TesseraError(
              'WORKER_FAILED',
              `${job.label}: could not start a worker: ${messageOf(error)}`,
              { cause: error },
            ),
          );
          continue;
        }
      }
      const job = this.#queue.shift()!;
      job.unqueue();
      this.#start(slot, job);
    }
  }

  #spawnSlot(): Slot<Api> {
    const worker = this.#spawn();
    const slot: Slot<Api> = {
      info: { id: this.#nextWorkerId++, state: new Map() },
      worker,
      dead: false,
      abortRunning: null,
    };
    worker.onFailure((error) => {
      if (slot.dead) return;
      void this.#retire(slot);
      slot.abortRunning?.(error);
      this.#pump();
    });
    this.#slots.push(slot);
    return slot;
  }

  #start(slot: Slot<Api>, job: Job<Api>): void {
    const controller = new AbortController();
    const timers: ReturnType<typeof setTimeout>[] = [];
    let settled = false;
    let stopping: { kind: StopKind; cause: unknown } | null = null;

    const finish = (ok: boolean, value: unknown): void => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      job.signal?.removeEventListener('abort', onCallerAbort);
      if (slot.abortRunning === abortRunning) {
        slot.abortRunning = null;
        slot.worker.setBusy?.(false);
      }
      if (ok) job.resolve(value);
      else job.reject(value);
      this.#pump();
    };

    const stop = (kind: StopKind, cause: unknown): void => {
      if (settled || stopping) return;
      stopping = { kind, cause };
      controller.abort(stopError(kind, job.label, cause, job.timeoutMs));
      timers.push(
        setTimeout(() => {
          if (settled) return;
          // The task ignored the cooperative cancel (e.g. a synchronous loop): kill its worker.
          void this.#retire(slot);
          finish(false, stopError(kind, job.label, cause, job.timeoutMs, this.#cancelGraceMs));
        }, this.#cancelGraceMs),
      );
    };

    const onCallerAbort = (): void => {
      stop('cancelled', job.signal?.reason);
    };

    const abortRunning = (error: Error): void => {
      if (stopping) {
        finish(false, stopError(stopping.kind, job.label, error, job.timeoutMs));
      } else if (error instanceof TesseraError && error.code === 'POOL_CLOSED') {
        finish(false, closedError(job.label));
      } else {
        finish(
          false,
          new TesseraError('WORKER_FAILED', `${job.label}: ${error.message}`, { cause: error }),
        );
      }
    };

    slot.abortRunning = abortRunning;
    slot.worker.setBusy?.(true);
    job.signal?.addEventListener('abort', onCallerAbort, { once: true });
    if (job.timeoutMs !== undefined) {
      timers.push(
        setTimeout(() => {
          stop('timeout', undefined);
        }, job.timeoutMs),
      );
    }

    let result: Promise<unknown>;
    try {
      result = job.task(slot.worker.remote, { signal: controller.signal, worker: slot.info });
    } catch (error) {
      result = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    result.then(
      (value) => {
        if (stopping)
          finish(false, stopError(stopping.kind, job.label, stopping.cause, job.timeoutMs));
        else finish(true, value);
      },
      (error: unknown) => {
        if (stopping) finish(false, stopError(stopping.kind, job.label, error, job.timeoutMs));
        else finish(false, error);
      },
    );
  }

  /** Takes a worker out of the pool and kills it; the next task that needs one spawns anew. */
  async #retire(slot: Slot<Api>): Promise<void> {
    if (slot.dead) return;
    slot.dead = true;
    const index = this.#slots.indexOf(slot);
    if (index >= 0) this.#slots.splice(index, 1);
    try {
      await slot.worker.terminate();
    } catch {
      // Already gone: nothing left to stop.
    }
  }
}

function stopError(
  kind: StopKind,
  label: string,
  cause: unknown,
  timeoutMs?: number,
  replacedAfterMs?: number,
): TesseraError {
  const what =
    kind === 'timeout'
      ? `${label}: timed out after ${String(timeoutMs)} ms`
      : `${label}: cancelled`;
  const replaced =
    replacedAfterMs === undefined
      ? ''
      : `; the worker did not stop within ${replacedAfterMs} ms and was replaced`;
  return new TesseraError(kind === 'timeout' ? 'RUN_TIMEOUT' : 'RUN_CANCELLED', what + replaced, {
    cause,
  });
}

function closedError(label: string | null): TesseraError {
  return new TesseraError(
    'POOL_CLOSED',
    label === null ? 'the worker pool was closed' : `${label}: the worker pool was closed`,
  );
}

function checkMs(option: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new TesseraError(
      'INVALID_OPTION',
      `worker pool: ${option} must be a number of milliseconds ≥ 0, got ${String(value)}`,
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
