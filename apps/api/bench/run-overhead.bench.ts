// What the API adds to a run: a geographic run (tolerance 0.05) on N generated accounts through
// the built server (POST /api/scenarios/{id}/runs, then polling GET /api/runs/{id} every 25 ms)
// against the same scenario on the same data in this process: in this thread (runScenario) and
// on a one-thread pool, as the server runs it. Runs up to 100k accounts.
//   pnpm --filter @tessera/api... build && node apps/api/bench/run-overhead.bench.ts [N]
// "first" is the server's first run of the dataset (its columns read from the database), "warm"
// a second run of it; each in-process figure is the second of two runs.
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import { runScenario } from '@tessera/scenarios';
import { createNodeScenarioPool } from '@tessera/scenarios/node';
import { rssMB, startBenchServer, waitForRun } from './bench-server.ts';

const n = Number(process.argv[2] ?? 100_000);
if (n > 100_000) {
  process.stderr.write('run overhead bench: skipped above 100,000 accounts\n');
  process.exit(0);
}
const reps = Math.max(10, Math.round(n / 2000));
const scenario = {
  version: 1,
  name: 'bench',
  strategy: { id: 'geographic', params: { tolerance: 0.05 } },
  seed: 1,
};

interface RunTimings {
  strategyMs: number;
  totalMs: number;
}

async function throughApi(): Promise<{
  firstMs: number;
  warmMs: number;
  workerMs: number;
  peakRssMB: number | null;
  storage: string;
}> {
  const server = await startBenchServer();
  try {
    // The same generator, options and seed as the in-process side below.
    const dataset = await server.call<{ id: string }>('POST', '/api/datasets/sample', {
      accounts: n,
      reps,
      seed: 1,
    });
    const saved = await server.call<{ id: string }>('POST', '/api/scenarios', {
      ...scenario,
      dataset: { id: dataset.id },
    });
    const timeOneRun = async (): Promise<{ ms: number; timings: RunTimings }> => {
      const start = performance.now();
      const { runId } = await server.call<{ runId: string }>(
        'POST',
        `/api/scenarios/${saved.id}/runs`,
      );
      await waitForRun(server, runId);
      const ms = performance.now() - start;
      const run = await server.call<{ timings: RunTimings }>('GET', `/api/runs/${runId}`);
      return { ms, timings: run.timings };
    };
    const first = await timeOneRun();
    const warm = await timeOneRun();
    return {
      firstMs: first.ms,
      warmMs: warm.ms,
      workerMs: warm.timings.totalMs,
      peakRssMB: rssMB(server.pid, 'VmHWM'),
      storage: server.storage,
    };
  } finally {
    await server.stop();
  }
}

async function inProcess(): Promise<{ threadMs: number; poolMs: number }> {
  const data = generateSample({ accounts: n, reps, seed: 1, places: loadUsPlaces() });
  const timed = async (run: () => Promise<unknown>): Promise<number> => {
    await run();
    const start = performance.now();
    await run();
    return performance.now() - start;
  };
  const threadMs = await timed(() => runScenario(data, scenario));
  const pool = createNodeScenarioPool({ size: 1 });
  try {
    const poolMs = await timed(() => pool.run(data, scenario));
    return { threadMs, poolMs };
  } finally {
    await pool.close();
  }
}

const api = await throughApi();
const local = await inProcess();
console.log(
  JSON.stringify({
    name: `geographic run through the API (${api.storage}) vs in-process`,
    rows: n,
    ms: api.warmMs,
    peakRssMB: api.peakRssMB,
    apiFirstMs: Math.round(api.firstMs),
    apiWarmMs: Math.round(api.warmMs),
    workerMs: Math.round(api.workerMs),
    inThreadMs: Math.round(local.threadMs),
    onePoolMs: Math.round(local.poolMs),
    // Against the pool: what the queue, the stored dataset and the stored report cost.
    overheadVsPoolMs: Math.round(api.warmMs - local.poolMs),
    // Against this thread: all of that plus the worker thread itself.
    overheadVsThreadMs: Math.round(api.warmMs - local.threadMs),
  }),
);
