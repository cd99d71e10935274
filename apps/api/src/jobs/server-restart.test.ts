import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServerProcess, type TesseraProcess } from '../testing/processes.js';
import { saveScenario, startRun, type RunJson } from '../testing/run-helpers.js';
import { seedDataset } from '../testing/seed-dataset.js';
import { startTestServer, TEST_TOKEN } from '../testing/test-server.js';

// The embedded server (PGlite on a data directory) as `pnpm start` runs it, stopped while a
// run is going: by SIGTERM (the run goes back to the queue) and by SIGKILL (the next start
// finds the job without a live worker and runs it again).

const SLOW = new URL('../testing/plugins/slow-strategies.ts', import.meta.url).pathname;

let dir: string;
let running: TesseraProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tessera-restart-'));
  // The spawned servers find the slow strategy through the project config of their cwd.
  await writeFile(join(dir, 'tessera.config.json'), JSON.stringify({ plugins: [SLOW] }));
});
afterEach(async () => {
  for (const server of running) server.kill('SIGKILL');
  await Promise.all(running.map((server) => server.exited));
  running = [];
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({
  TESSERA_DATA: join(dir, 'data'),
  TESSERA_BOOTSTRAP_TOKEN: TEST_TOKEN,
  TESSERA_WORKERS: '1',
  DATABASE_URL: undefined,
});

/** A stored scenario whose run takes `ms`, asked for on a server that takes no jobs; the run's id. */
async function queueSlowRun(ms: number): Promise<string> {
  const server = await startTestServer(
    { TESSERA_DATA: join(dir, 'data'), TESSERA_WORKERS: '0' },
    { plugins: [SLOW], embedded: true },
  );
  try {
    const datasetId = await seedDataset(server, { accounts: 200, reps: 4 });
    const scenarioId = await saveScenario(server, datasetId, {
      strategy: { id: 'test-slow', params: { ms } },
    });
    return await startRun(server, scenarioId);
  } finally {
    await server.close();
  }
}

async function start(): Promise<{ process: TesseraProcess; url: string }> {
  const server = await startServerProcess({ env: env(), cwd: dir });
  running.push(server.process);
  return server;
}

async function readRun(url: string, runId: string): Promise<RunJson> {
  const response = await fetch(`${url}/api/runs/${runId}`, {
    headers: { authorization: `Bearer ${TEST_TOKEN}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as RunJson;
}

async function until(
  url: string,
  runId: string,
  done: (run: RunJson) => boolean,
): Promise<RunJson> {
  for (;;) {
    const run = await readRun(url, runId);
    if (done(run)) return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const finished = (run: RunJson) => ['done', 'failed', 'cancelled'].includes(run.status);

// In the PostgreSQL pass these would only repeat the PGlite pass: they start embedded servers.
const postgresPass = process.env.TESSERA_TEST_DATABASE_URL !== undefined;

describe.skipIf(postgresPass)(
  `the embedded server stopped in the middle of a run${postgresPass ? ' (skipped: PGlite only, run in the PGlite pass)' : ''}`,
  () => {
    it('puts the run back in the queue on SIGTERM, and the next start finishes it', async () => {
      const runId = await queueSlowRun(5_000);
      const first = await start();
      await until(first.url, runId, (run) => run.status === 'running');
      first.process.kill('SIGTERM');
      expect(await first.process.exited, first.process.lines.join('\n')).toEqual({
        code: 0,
        signal: null,
      });
      expect(first.process.lines).toContainEqual(
        expect.stringMatching(new RegExp(`run ${runId}: requeued`)),
      );

      // Between the two starts, the run waits in the queue, saying why.
      const between = await startTestServer(
        { TESSERA_DATA: join(dir, 'data'), TESSERA_WORKERS: '0' },
        { plugins: [SLOW], embedded: true },
      );
      try {
        const run = (await (await between.api(`/api/runs/${runId}`)).json()) as RunJson;
        expect(run.status).toBe('queued');
        expect(run.message).toMatch(/queued again/);
      } finally {
        await between.close();
      }

      const second = await start();
      const run = await until(second.url, runId, finished);
      expect(run.status, JSON.stringify(run.error)).toBe('done');
      second.process.kill('SIGTERM');
      expect(await second.process.exited, second.process.lines.join('\n')).toEqual({
        code: 0,
        signal: null,
      });
    }, 120_000);

    it('runs the job again after a kill -9: the next start finds no live worker holding it', async () => {
      const runId = await queueSlowRun(3_000);
      const first = await start();
      await until(first.url, runId, (run) => run.status === 'running');
      first.process.kill('SIGKILL');
      expect((await first.process.exited).signal).toBe('SIGKILL');

      const second = await start();
      const run = await until(second.url, runId, finished);
      expect(run.status, JSON.stringify(run.error)).toBe('done');
      // Taken again by the new process, as a retry of the job the dead one held.
      expect(second.process.lines).toContainEqual(
        expect.stringMatching(new RegExp(`run ${runId}: started \\(attempt 2\\)`)),
      );
      second.process.kill('SIGTERM');
      expect(await second.process.exited, second.process.lines.join('\n')).toEqual({
        code: 0,
        signal: null,
      });
    }, 120_000);
  },
);
