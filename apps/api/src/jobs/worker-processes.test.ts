import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepPoints } from '../db/schema/index.js';
import type { SweepResult } from '../sweeps/sweep-schemas.js';
import { createTestDatabase, probePostgres, type TestDatabase } from '../testing/postgres.js';
import { startWorkerProcess, TesseraProcess } from '../testing/processes.js';
import { jsonRequest, saveScenario } from '../testing/run-helpers.js';
import { seedDataset } from '../testing/seed-dataset.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

// `tessera worker` processes sharing one PostgreSQL queue: a sweep spread across two of them,
// one killed with SIGKILL in the middle of a point, and every row still arrives.

const SLOW = new URL('../testing/plugins/slow-strategies.ts', import.meta.url).pathname;
const postgres = await probePostgres();

describe.skipIf(!postgres.ok)(
  `tessera worker on PostgreSQL${postgres.ok ? '' : ` (skipped: ${postgres.reason})`}`,
  () => {
    let database: TestDatabase;
    let server: TestServer;
    let dir: string;
    let scenarioId: string;
    const workers: TesseraProcess[] = [];

    beforeAll(async () => {
      database = await createTestDatabase();
      dir = await mkdtemp(join(tmpdir(), 'tessera-workers-'));
      // The API takes requests only: every job goes to the worker processes.
      server = await startTestServer(
        { DATABASE_URL: database.url, TESSERA_WORKERS: '0' },
        { plugins: [SLOW] },
      );
      const datasetId = await seedDataset(server, { accounts: 300, reps: 5 });
      scenarioId = await saveScenario(server, datasetId, {
        strategy: { id: 'test-slow', params: { ms: 2_000 } },
      });
    });
    afterAll(async () => {
      for (const worker of workers) worker.kill('SIGKILL');
      await Promise.all(workers.map((worker) => worker.exited));
      await server.close();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    });

    async function worker(): Promise<TesseraProcess> {
      const started = await startWorkerProcess({
        env: { DATABASE_URL: database.url, TESSERA_WORKERS: '1' },
        cwd: dir,
        args: ['--plugin', SLOW],
      });
      workers.push(started);
      return started;
    }

    it('refuses to start without PostgreSQL, saying why', async () => {
      const embedded = new TesseraProcess(
        new URL('../../../cli/src/bin.ts', import.meta.url).pathname,
        ['worker'],
        { env: { ...process.env, DATABASE_URL: undefined }, cwd: dir },
      );
      expect((await embedded.exited).code).toBe(1);
      expect(embedded.lines.join('\n')).toMatch(
        /^tessera: a worker process needs DATABASE_URL=postgres:\/\/…: the embedded server \(PGlite\) runs its own jobs/,
      );
    });

    it('runs a sweep across two workers; a point whose worker is killed is retried by the other', async () => {
      const [first, second] = await Promise.all([worker(), worker()]);
      const grid = { params: { ms: [2_000, 2_100, 2_200, 2_300, 2_400, 2_500] } };
      const created = await server.api('/api/sweeps', jsonRequest('POST', { scenarioId, grid }));
      expect(created.status, await created.clone().text()).toBe(202);
      const { id } = (await created.json()) as { id: string };

      const [, killedPoint] = await first.waitForLine(
        new RegExp(`sweep ${id} point (\\d+): started`),
      );
      // Killed once its claim on the point is in the database: mid-run, for sure.
      const point = and(eq(sweepPoints.sweepId, id), eq(sweepPoints.index, Number(killedPoint)));
      for (;;) {
        const [row] = await server.services.db.select().from(sweepPoints).where(point);
        if (row?.status === 'running') break;
        expect(row?.status).toBe('queued');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      first.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');

      let sweep: SweepResult;
      for (;;) {
        sweep = (await (await server.api(`/api/sweeps/${id}`)).json()) as SweepResult;
        if (sweep.status === 'done' || sweep.status === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(sweep).toMatchObject({ status: 'done', total: 6, done: 6, failed: 0 });
      expect(sweep.rows.map((row) => row.index)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(sweep.rows.every((row) => row.error === null && row.balance !== null)).toBe(true);

      // The killed worker's point was claimed again, by the worker that stayed.
      const retried = await server.services.db
        .select({ index: sweepPoints.index, attempts: sweepPoints.attempts })
        .from(sweepPoints)
        .where(and(eq(sweepPoints.sweepId, id), gt(sweepPoints.attempts, 1)));
      expect(retried.map((p) => p.index)).toContain(Number(killedPoint));
      expect(second.lines).toContainEqual(
        expect.stringMatching(
          new RegExp(`sweep ${id} point ${killedPoint}: started \\(attempt 2\\)`),
        ),
      );
      expect(second.lines).toContainEqual(
        expect.stringMatching(new RegExp(`sweep ${id} point ${killedPoint}: done`)),
      );

      second.kill('SIGTERM');
      expect(await second.exited, second.lines.join('\n')).toEqual({ code: 0, signal: null });
      expect(second.lines.at(-1)).toBe('tessera: worker stopped');
    }, 240_000);
  },
);
