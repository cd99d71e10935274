import { createNodeScenarioPool } from '@tessera/scenarios/node';
import type { Job, PgBoss } from 'pg-boss';
import type { Services } from '../services/services.js';
import type { AttemptOutcome, AttemptSignals } from './attempt.js';
import { executeRun } from './execute-run.js';
import { executeSweepPoint } from './execute-sweep-point.js';
import { giveUpRun, giveUpSweepPoint } from './give-up.js';
import { JobThreads } from './job-threads.js';
import { RUN_QUEUE, SWEEP_POINT_QUEUE, type JobPayloads, type QueueName } from './queues.js';

/** This process taking jobs: its worker-thread pool and the handlers pg-boss calls. */
export interface JobWorker {
  /**
   * Stops taking jobs and interrupts the running ones, which go back to the queue (sent
   * again, with their retries intact); resolves when every handler has settled.
   */
  drain(): Promise<void>;
  /** Ends the worker threads; after `drain` and after pg-boss has stopped. */
  close(): Promise<void>;
}

const POLL_SECONDS = 0.5;

/** The job threads' module (run-worker.ts), beside this one from sources or from dist. */
const RUN_WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './run-worker.ts' : './run-worker.js',
  import.meta.url,
);

/**
 * Each job thread's young generation, as `--max-semi-space-size=16` gives the server's main
 * thread: V8 otherwise sizes it from the machine's memory, 128 MB per thread here, most of it
 * garbage a smaller one collects sooner at no cost the runs showed.
 */
const THREAD_YOUNG_GENERATION_MB = 32;

export interface WorkJobsOptions {
  /** Worker threads, at most; each runs one job at a time. */
  size: number;
  /** How long the threads outlive the last job before they end (the next job starts them). */
  idleMs: number;
}

/**
 * Registers this process as a worker of every queue, with up to `size` worker threads, started
 * by the first job and ended when idle. Runs and sweep points each take up to `size` jobs at a
 * time; the threads run `size` at once. Each job logs one line when it starts and one when it
 * ends.
 */
export async function workJobs(
  boss: PgBoss,
  services: Omit<Services, 'jobs'>,
  { size, idleMs }: WorkJobsOptions,
): Promise<JobWorker> {
  const { db, datasets, boundaries, log } = services;
  const threads = new JobThreads({
    idleMs,
    create: () =>
      createNodeScenarioPool({
        size,
        workerUrl: RUN_WORKER_URL,
        pluginModules: services.pluginModules,
        resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB },
      }),
  });
  const exec = { db, threads, datasets, boundaries, log };
  const shutdown = new AbortController();
  const inFlight = new Set<Promise<void>>();

  /** One attempt of one job: logged, tracked for the drain, sent again when it was requeued. */
  function attempt<Q extends QueueName>(
    queue: Q,
    job: Job<JobPayloads[Q]>,
    label: string,
    execute: (signals: AttemptSignals) => Promise<AttemptOutcome>,
  ): Promise<void> {
    const task = (async () => {
      const started = performance.now();
      log.info(`tessera: ${label}: started (attempt ${job.retryCount + 1})`);
      const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
      try {
        const outcome = await execute({ shutdown: shutdown.signal, claim: job.signal });
        // Sent again rather than failed, so a restart does not use up one of the job's retries.
        if (outcome === 'requeued') await boss.send(queue, job.data);
        log.info(`tessera: ${label}: ${outcome} after ${seconds()} s`);
      } catch (error) {
        // The database failed under the attempt: pg-boss retries the job.
        log.error(`tessera: ${label}: attempt failed after ${seconds()} s, to be retried`, error);
        throw error;
      }
    })();
    inFlight.add(task);
    return task.finally(() => inFlight.delete(task));
  }

  const options = { localConcurrency: size, pollingIntervalSeconds: POLL_SECONDS };
  await boss.work<JobPayloads['tessera-run']>(RUN_QUEUE, options, async ([job]) => {
    if (!job) return;
    await attempt(RUN_QUEUE, job, `run ${job.data.runId}`, (signals) =>
      executeRun(exec, job.data.runId, signals),
    );
  });
  await boss.work<JobPayloads['tessera-sweep-point']>(SWEEP_POINT_QUEUE, options, async ([job]) => {
    if (!job) return;
    const { sweepId, index } = job.data;
    await attempt(SWEEP_POINT_QUEUE, job, `sweep ${sweepId} point ${index}`, (signals) =>
      executeSweepPoint(exec, job.data, signals),
    );
  });

  // Dead letters: a job whose every attempt ended without a result is failed with the reason.
  const lettersOptions = { pollingIntervalSeconds: 2 };
  await boss.work<JobPayloads['tessera-run-gave-up']>(
    'tessera-run-gave-up',
    lettersOptions,
    async ([job]) => {
      if (job && (await giveUpRun(db, job.data.runId))) {
        log.info(`tessera: run ${job.data.runId}: failed, its worker was lost on every attempt`);
      }
    },
  );
  await boss.work<JobPayloads['tessera-sweep-point-gave-up']>(
    'tessera-sweep-point-gave-up',
    lettersOptions,
    async ([job]) => {
      if (job && (await giveUpSweepPoint(db, job.data))) {
        const { sweepId, index } = job.data;
        log.info(
          `tessera: sweep ${sweepId} point ${index}: failed, its worker was lost on every attempt`,
        );
      }
    },
  );

  return {
    async drain() {
      await Promise.all(
        [RUN_QUEUE, SWEEP_POINT_QUEUE].map((queue) => boss.offWork(queue, { wait: false })),
      );
      shutdown.abort();
      await Promise.allSettled([...inFlight]);
    },
    close: () => threads.close(),
  };
}
