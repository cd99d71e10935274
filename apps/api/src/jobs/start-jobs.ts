import { availableParallelism } from 'node:os';
import { createNodeScenarioPool } from '@tessera/scenarios/node';
import { and, eq, inArray } from 'drizzle-orm';
import { fromPglite, PgBoss } from 'pg-boss';
import type { DatabaseHandle } from '../db/database.js';
import { runs } from '../db/schema/index.js';
import type { Jobs, Services } from '../services/services.js';
import { executeRun } from './execute-run.js';

export const RUN_QUEUE = 'tessera-run';

export interface JobsHandle extends Jobs {
  /** Stops taking jobs; running ones go back to the queue for another worker. */
  stop(): Promise<void>;
}

export interface StartJobsOptions {
  database: DatabaseHandle;
  services: Omit<Services, 'jobs'>;
  /** Worker threads for runs (default: the machine's cores); 0 only queues, never runs. */
  workers?: number | undefined;
}

/**
 * Runs as pg-boss jobs, on PGlite as on PostgreSQL, so one code path serves the embedded
 * server and several worker processes sharing a database. Each process runs its jobs on its
 * own pool of worker threads; a process that dies mid-run stops sending heartbeats and its
 * job is retried elsewhere.
 */
export async function startJobs(options: StartJobsOptions): Promise<JobsHandle> {
  const { database, services } = options;
  const boss = database.pglite
    ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', schema: 'pgboss' })
    : new PgBoss({ connectionString: database.url!, schema: 'pgboss' });
  boss.on('error', (error) => {
    services.log.error('jobs', error);
  });
  await boss.start();
  await boss.createQueue(RUN_QUEUE, {
    retryLimit: 2,
    retryDelay: 1,
    expireInSeconds: 6 * 60 * 60,
    heartbeatSeconds: 10,
  });

  const { datasets } = services;
  const size = options.workers ?? availableParallelism();
  const pool =
    size > 0 ? createNodeScenarioPool({ size, pluginModules: services.pluginModules }) : null;
  if (pool) {
    await boss.work<{ runId: string }>(
      RUN_QUEUE,
      { localConcurrency: size, pollingIntervalSeconds: 0.5 },
      async ([job]) => {
        if (!job) return;
        await executeRun(
          { db: services.db, pool, datasets, log: services.log },
          job.data.runId,
          job.signal,
        );
      },
    );
  }

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
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
      await pool?.close();
    },
  };
}
