import { TesseraError } from '@tessera/core';
import type { Dataset, PoolRunOptions, ScenarioOutcome, ScenarioPool } from '@tessera/scenarios';

/** What the job threads need of a scenario pool (a fake one in tests). */
export type ThreadPool = Pick<ScenarioPool, 'runOutcome' | 'close'>;

export interface JobThreadsOptions {
  /** Makes a pool; it spawns its threads on its first runs, up to its size. */
  create: () => ThreadPool;
  /** How long the threads outlive the last job; the next job after that starts them again. */
  idleMs: number;
}

/**
 * The worker threads a process runs its jobs on: made with the first job, ended once no job
 * has run for `idleMs`. A thread that ran a job keeps its copy of the dataset and the heap the
 * strategy grew (150 to 250 MB on 100k accounts) until it ends: an idle server lets it go.
 */
export class JobThreads {
  readonly #create: () => ThreadPool;
  readonly #idleMs: number;
  #pool: ThreadPool | null = null;
  #running = 0;
  #idle: NodeJS.Timeout | null = null;
  /** Pools ended for idleness, still closing. */
  readonly #ending = new Set<Promise<void>>();
  #closed = false;

  constructor(options: JobThreadsOptions) {
    this.#create = options.create;
    this.#idleMs = options.idleMs;
  }

  /** Whether threads may be alive now (a pool exists); false before the first job and when idle. */
  get started(): boolean {
    return this.#pool !== null;
  }

  /** A scenario's run on one of the threads, as `ScenarioPool.runOutcome`. */
  async runOutcome(
    dataset: Dataset,
    scenario: unknown,
    options: PoolRunOptions = {},
  ): Promise<ScenarioOutcome> {
    if (this.#closed) {
      throw new TesseraError(
        'POOL_CLOSED',
        'the job threads were closed: this process is stopping',
      );
    }
    if (this.#idle) clearTimeout(this.#idle);
    this.#idle = null;
    this.#pool ??= this.#create();
    this.#running++;
    try {
      return await this.#pool.runOutcome(dataset, scenario, options);
    } finally {
      this.#running--;
      if (this.#running === 0) this.#startIdling();
    }
  }

  /** Ends the threads; runs still going reject (`POOL_CLOSED`), later ones are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#idle) clearTimeout(this.#idle);
    this.#idle = null;
    const pool = this.#pool;
    this.#pool = null;
    await Promise.all([pool?.close(), ...this.#ending]);
  }

  #startIdling(): void {
    if (this.#closed) return;
    this.#idle = setTimeout(() => {
      this.#endIdle();
    }, this.#idleMs);
    // An idle server may exit (tests, a drained worker) without waiting for this.
    this.#idle.unref();
  }

  #endIdle(): void {
    this.#idle = null;
    const pool = this.#pool;
    if (!pool || this.#running > 0) return;
    this.#pool = null;
    const ending = pool.close().finally(() => this.#ending.delete(ending));
    this.#ending.add(ending);
  }
}
