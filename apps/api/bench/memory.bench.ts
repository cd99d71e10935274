// The built server's memory, from /proc: its resident set (VmRSS) and its peak (VmHWM) when it
// has started on an empty data folder, once that start's garbage is collected, after
// POST /api/datasets/sample with N accounts (N/2000 reps), after a geographic run on them, once
// its job threads have exited (TESSERA_WORKER_IDLE_S=5 here, not to wait the default minute)
// and what they held is collected, and restarted on the same folder. PGlite in a temp folder,
// or PostgreSQL when DATABASE_URL is set. Up to 200k accounts (the sample's limit).
//   pnpm --filter @tessera/api... build && node apps/api/bench/memory.bench.ts [N]
// One JSON line per point: ms is that step's time; rssMB the server process's resident set at
// its end and peakRssMB its peak during it (the peak is reset before each step, through
// /proc/<pid>/clear_refs); threads its OS threads, where the job threads show.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rssMB, runBenchScenario, startBenchServer, type BenchServer } from './bench-server.ts';

const n = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(n) || n <= 0) {
  console.error(`N must be a positive integer, got "${process.argv[2] ?? ''}"`);
  process.exit(1);
}
if (n > 200_000) {
  process.stderr.write('memory bench: skipped above 200,000 accounts (the sample limit)\n');
  process.exit(0);
}
const IDLE_S = 5;
/** The resident set counts as settled once it has not gone down for this long... */
const STEADY_MS = 10_000;
/** ... or after this long whatever it does. */
const SETTLE_LIMIT_MS = 60_000;

/** The process's OS threads: the main one, libuv's and V8's, and one per worker thread. */
function threadsOf(pid: number): number {
  const match = /^Threads:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : 0;
}

/** Starts the process's peak (VmHWM) afresh from its present resident set. */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

/**
 * Waits until `done()` (default: the resident set stopped going down), polling: what a server
 * frees (a first start's initdb, a run's buffers) leaves its resident set only when V8 collects
 * it, which an idle process does within seconds, on its own schedule.
 */
async function settle(pid: number, done?: () => boolean): Promise<void> {
  const started = performance.now();
  let low = rssMB(pid, 'VmRSS') ?? 0;
  let lowAt = started;
  while (performance.now() - started < SETTLE_LIMIT_MS) {
    await sleep(250);
    const now = rssMB(pid, 'VmRSS') ?? 0;
    if (now < low - 1) [low, lowAt] = [now, performance.now()];
    if (done ? done() : performance.now() - lowAt >= STEADY_MS) return;
  }
}

async function step(
  server: BenchServer,
  point: string,
  work: () => Promise<unknown>,
  extra: () => object = () => ({}),
): Promise<void> {
  resetPeak(server.pid);
  const started = performance.now();
  await work();
  report(server, point, performance.now() - started, extra());
}

function report(server: BenchServer, point: string, ms: number, extra: object = {}): void {
  console.log(
    JSON.stringify({
      name: `memory: ${point} (${server.storage})`,
      rows: n,
      ms: Math.round(ms),
      peakRssMB: rssMB(server.pid, 'VmHWM'),
      rssMB: rssMB(server.pid, 'VmRSS'),
      threads: threadsOf(server.pid),
      ...extra,
    }),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'tessera-memory-'));
const env = { TESSERA_DATA: join(dir, 'data'), TESSERA_WORKER_IDLE_S: String(IDLE_S) };
try {
  let started = performance.now();
  let server = await startBenchServer(env);
  try {
    report(server, 'started on an empty folder', performance.now() - started);
    const idleThreads = threadsOf(server.pid);
    await step(server, 'started, settled', () => settle(server.pid));

    let datasetId = '';
    await step(server, 'sample imported', async () => {
      const dataset = await server.call<{ id: string }>('POST', '/api/datasets/sample', {
        accounts: n,
        reps: Math.max(10, Math.round(n / 2000)),
        seed: 1,
      });
      datasetId = dataset.id;
    });

    await step(server, 'run done', async () => {
      await runBenchScenario(server, datasetId);
    });

    // The thread count is the one sign of the job threads' exit seen from outside; what they
    // held leaves the resident set after that, as the process collects it.
    await step(
      server,
      'job threads idle, settled',
      async () => {
        await settle(server.pid, () => threadsOf(server.pid) <= idleThreads);
        await settle(server.pid);
      },
      () => ({ threadsExited: threadsOf(server.pid) <= idleThreads }),
    );
  } finally {
    await server.stop();
  }

  started = performance.now();
  server = await startBenchServer(env);
  try {
    report(server, 'restarted on that folder', performance.now() - started);
    await step(server, 'restarted, settled', () => settle(server.pid));
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
