import { availableParallelism } from 'node:os';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { fromDrizzle, fromPglite, PgBoss, type Db } from 'pg-boss';
import type { DatabaseHandle } from '../db/database.js';
import { runs } from '../db/schema/index.js';
import type { Jobs, Services, Transaction } from '../services/services.js';
import { createQueues, RUN_QUEUE, SWEEP_POINT_QUEUE } from './queues.js';
import { workJobs } from './work-jobs.js';

export { RUN_QUEUE, SWEEP_POINT_QUEUE } from './queues.js';

export interface JobsHandle extends Jobs {
  /** Stops taking jobs; running ones go back to the queue for another worker. */
  stop(): Promise<void>;
}

export interface StartJobsOptions {
  database: DatabaseHandle;
  services: Omit<Services, 'jobs'>;
  /**
   * Worker threads for runs (default: the machine's cores), started by the first job and ended
   * after `config.workerIdleMs` without one; 0 only queues, never runs.
   */
  workers?: number | undefined;
}

/**
 * How often each process looks for jobs whose worker stopped sending heartbeats (and fails
 * them, so they are retried): with heartbeats of 10 s, a dead worker's job is taken up again
 * 10 to 25 s after it died.
 */
const SUPERVISE_SECONDS = 10;

/** pg-boss on the server's database, in its own schema; `start()` creates that schema. */
export function newBoss(database: DatabaseHandle): PgBoss {
  const supervision = {
    schema: 'pgboss',
    superviseIntervalSeconds: SUPERVISE_SECONDS,
    monitorIntervalSeconds: SUPERVISE_SECONDS,
  };
  return database.pglite
    ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', ...supervision })
    : new PgBoss({ connectionString: database.url!, ...supervision });
}

/**
 * Runs and sweeps as pg-boss jobs, on PGlite as on PostgreSQL, so one code path serves the
 * embedded server and several worker processes sharing a database. Each process runs its jobs
 * on its own pool of worker threads; a process that dies mid-run stops sending heartbeats and
 * its job is retried elsewhere, or given up (failed with the reason) after its retries.
 */
export async function startJobs(options: StartJobsOptions): Promise<JobsHandle> {
  const { database, services } = options;
  const boss = newBoss(database);
  boss.on('error', (error) => {
    services.log.error('jobs', error);
  });
  await boss.start();
  await createQueues(boss);

  const size = options.workers ?? availableParallelism();
  const idleMs = services.config.workerIdleMs;
  const worker = size > 0 ? await workJobs(boss, services, { size, idleMs }) : null;

  return {
    async enqueueRun(runId) {
      await boss.send(RUN_QUEUE, { runId }, { singletonKey: runId });
    },
    async cancelRun(runId) {
      // A running job sees the row change at its next progress write and stops.
      const cancelled = await services.db
        .update(runs)
        .set({ status: 'cancelled', finishedAt: new Date(), message: 'cancelled' })
        .where(and(eq(runs.id, runId), inArray(runs.status, ['queued', 'running'])))
        .returning({ id: runs.id });
      return cancelled.length > 0;
    },
    async enqueueSweepPoints(tx, sweepId, count) {
      const jobs = Array.from({ length: count }, (_, index) => ({ data: { sweepId, index } }));
      await boss.insert(SWEEP_POINT_QUEUE, jobs, { db: inTransaction(tx) });
    },
    async stop() {
      await worker?.drain();
      await boss.stop({ graceful: true, timeout: 10_000 });
      await worker?.close();
    },
  };
}

/** pg-boss writing through the caller's drizzle transaction (pg-boss's own drizzle adapter). */
function inTransaction(tx: Transaction): Db {
  return fromDrizzle(
    {
      // Both drivers answer `{ rows }`; drizzle's shared type cannot say which, so it says unknown.
      execute: async (query) => (await tx.execute(query as SQL)) as { rows: unknown[] },
    },
    sql,
  );
}
