// A 12-run geographic sweep (k × tolerance × continuityWeight) on N generated accounts, on a
// pool of one worker per core against a single worker. Runs only up to 100k accounts: at 1M
// twelve runs take minutes and say nothing new. Usage: node bench/sweep.bench.ts [N]
import { availableParallelism } from 'node:os';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import { createNodeScenarioPool } from '@tessera/scenarios/node';

const n = Number(process.argv[2] ?? 100_000);
if (n > 100_000) {
  process.stderr.write('sweep bench: skipped above 100,000 accounts\n');
  process.exit(0);
}
const reps = Math.max(10, Math.round(n / 2000));
const sample = generateSample({ accounts: n, reps, seed: 'bench-sweep', places: loadUsPlaces() });
const dataset = { accounts: sample.accounts, reps: sample.reps };
const sweep = {
  version: 1,
  name: 'bench',
  scenario: { version: 1, name: 'base', strategy: { id: 'geographic', params: {} }, seed: 1 },
  grid: { k: [reps - 10, reps, reps + 10], tolerance: [0.05, 0.1], continuityWeight: [0, 1] },
};

async function timeSweep(
  size: number,
): Promise<{ ms: number; front: number; runs: number; coresBusy: number }> {
  const pool = createNodeScenarioPool({ size });
  try {
    const handle = pool.load(dataset, { transfer: true });
    const start = performance.now();
    const cpu = process.cpuUsage();
    const result = await pool.sweep(handle, sweep);
    const { user, system } = process.cpuUsage(cpu);
    const failed = result.rows.filter((row) => row.error !== null);
    if (failed.length > 0) throw new Error(`sweep runs failed: ${failed[0]!.error!}`);
    const ms = performance.now() - start;
    // CPU time over wall time, all threads of the process: how many cores the sweep kept busy.
    const coresBusy = (user + system) / 1000 / ms;
    return { ms, front: result.nonDominated.length, runs: result.rows.length, coresBusy };
  } finally {
    await pool.close();
  }
}

const cores = availableParallelism();
const one = await timeSweep(1);
const pooled = await timeSweep(cores);
console.log(
  JSON.stringify({
    name: `sweep of ${pooled.runs} geographic runs, pool of ${cores}`,
    rows: n,
    ms: pooled.ms,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    oneWorkerMs: one.ms,
    speedup: one.ms / pooled.ms,
    oneWorkerCoresBusy: one.coresBusy,
    poolCoresBusy: pooled.coresBusy,
    nonDominated: pooled.front,
  }),
);
