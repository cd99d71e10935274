import { eq } from 'drizzle-orm';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runs } from '../db/schema/index.js';
import { createTestDatabase, probePostgres, type TestDatabase } from '../testing/postgres.js';
import { followRun, saveScenario, startRun } from '../testing/run-helpers.js';
import { seedDataset } from '../testing/seed-dataset.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { RETRY_LIMIT, RUN_QUEUE } from './queues.js';

// A run whose every attempt ended with its worker gone: pg-boss moves the job to the dead
// letter queue, and a worker fails the run with the reason instead of leaving it running.
// The attempts are played by a pg-boss client of the test's own that takes the job and fails
// it, as the heartbeat check does for a dead worker.

const postgres = await probePostgres();

describe.skipIf(!postgres.ok)(
  `a run no worker could finish${postgres.ok ? '' : ` (skipped: ${postgres.reason})`}`,
  () => {
    let database: TestDatabase;
    let queueOnly: TestServer;
    let boss: PgBoss;

    beforeAll(async () => {
      database = await createTestDatabase();
      queueOnly = await startTestServer({ DATABASE_URL: database.url, TESSERA_WORKERS: '0' });
      boss = new PgBoss({ connectionString: database.url, schema: 'pgboss', supervise: false });
      await boss.start();
    });
    afterAll(async () => {
      await boss.stop({ graceful: false });
      await queueOnly.close();
      await database.drop();
    });

    it('is failed with WORKER_LOST once its job has used its retries, never left running', async () => {
      const datasetId = await seedDataset(queueOnly, { accounts: 50, reps: 3 });
      const runId = await startRun(queueOnly, await saveScenario(queueOnly, datasetId));

      for (let attempt = 0; attempt <= RETRY_LIMIT; attempt++) {
        // The worker of this attempt claimed the run, then died.
        await queueOnly.services.db
          .update(runs)
          .set({ status: 'running', attempts: attempt + 1 })
          .where(eq(runs.id, runId));
        let job;
        do {
          [job] = await boss.fetch<{ runId: string }>(RUN_QUEUE);
          if (!job) await new Promise((resolve) => setTimeout(resolve, 200)); // the retry delay
        } while (!job);
        expect(job.data.runId).toBe(runId);
        await boss.fail(RUN_QUEUE, job.id, { message: 'job heartbeat timeout' });
      }
      expect(await boss.fetch(RUN_QUEUE)).toEqual([]);

      // A process that takes jobs reads the dead letter and fails the run.
      const worker = await startTestServer({ DATABASE_URL: database.url, TESSERA_WORKERS: '1' });
      try {
        const { run } = await followRun(queueOnly, runId);
        expect(run.status).toBe('failed');
        expect(run.error).toEqual({
          code: 'WORKER_LOST',
          message: expect.stringMatching(
            /^given up after 3 attempts: each time, the worker running it stopped/,
          ) as unknown,
        });
        expect(worker.logged).toContainEqual(
          expect.stringMatching(new RegExp(`run ${runId}: failed, its worker was lost`)),
        );
      } finally {
        await worker.close();
      }
    });
  },
);
