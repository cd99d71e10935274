// The cost of moving a dataset of N generated accounts to a Node worker: structured clone,
// transfer of a slice() copy (what ScenarioPool's `transfer: true` does), and transfer of the
// tables themselves (the sender is left detached); then a scenario run's round trip through a
// worker against the same run in this thread. Prints JSON lines for scripts/bench.ts.
// Usage: node bench/transfer.bench.ts [N]
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import { datasetToData, datasetTransferables, runScenario } from '@tessera/scenarios';
import type { DatasetData } from '@tessera/scenarios';
import {
  createNodeScenarioPool,
  createNodeWorkerPool,
  defaultScenarioWorkerUrl,
} from '@tessera/scenarios/node';
import { copyBuffers, type ScenarioWorkerApi } from '@tessera/scenarios/worker';
import { transfer } from 'comlink';

const n = Number(process.argv[2] ?? 100_000);
const REPEATS = 5;
const dataset = generateSample({
  accounts: n,
  reps: Math.max(10, Math.round(n / 5000)),
  seed: 'bench-transfer',
  places: loadUsPlaces(),
});
const data = datasetToData(dataset);
const bytes = datasetTransferables(data).reduce((sum, buffer) => sum + buffer.byteLength, 0);
const peakRssMB = () => process.resourceUsage().maxRSS / 1024;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

const pool = createNodeWorkerPool<ScenarioWorkerApi>({
  workerUrl: defaultScenarioWorkerUrl,
  size: 1,
});
await pool.exec((remote) => remote.ping()); // the worker is up before anything is timed

/** Median time of `load` until the worker has the dataset (posting, receiving, rebuilding). */
async function timeLoad(payload: () => DatasetData): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    await pool.exec((remote) => remote.loadDataset('bench', payload()));
    times.push(performance.now() - start);
  }
  return median(times);
}

const cloneMs = await timeLoad(() => data);
print('dataset to worker: structured clone', cloneMs, { mb: bytes / 2 ** 20 });

const copyMs = await timeLoad(() => {
  const { copy, transferables } = copyBuffers(data);
  return transfer(copy, transferables);
});
print('dataset to worker: transfer of a slice() copy', copyMs, {
  mb: bytes / 2 ** 20,
  vsCloneRatio: copyMs / cloneMs,
});

// Moving the tables themselves: each repeat needs fresh tables (copied untimed), since they detach.
const moveTimes: number[] = [];
let detached = true;
for (let i = 0; i < REPEATS; i++) {
  const own = copyBuffers(data).copy;
  const start = performance.now();
  await pool.exec((remote) =>
    remote.loadDataset('bench', transfer(own, datasetTransferables(own))),
  );
  moveTimes.push(performance.now() - start);
  detached &&= own.accounts.measures.lat.byteLength === 0;
}
const moveMs = median(moveTimes);
print('dataset to worker: transfer (sender detached)', moveMs, {
  mb: bytes / 2 ** 20,
  vsCloneRatio: moveMs / cloneMs,
  senderDetached: detached,
});
await pool.close();

// A run's round trip: the dataset is already in the worker, so this is the run plus messaging.
const scenario = { version: 1, name: 'bench', strategy: { id: 'nearest', params: {} }, seed: 1 };
const scenarioPool = createNodeScenarioPool({ size: 1 });
const handle = scenarioPool.load(dataset, { transfer: true });
await scenarioPool.run(handle, scenario); // loads the dataset and warms the worker up
const workerTimes: number[] = [];
const localTimes: number[] = [];
for (let i = 0; i < 3; i++) {
  let start = performance.now();
  await scenarioPool.run(handle, scenario);
  workerTimes.push(performance.now() - start);
  start = performance.now();
  await runScenario(dataset, scenario);
  localTimes.push(performance.now() - start);
}
await scenarioPool.close();
const workerMs = median(workerTimes);
const inThreadMs = median(localTimes);
print('scenario run round trip in a worker (nearest)', workerMs, {
  inThreadMs,
  overheadMs: workerMs - inThreadMs,
});

function print(name: string, ms: number, extra: Record<string, unknown>): void {
  console.log(JSON.stringify({ name, rows: n, ms, peakRssMB: peakRssMB(), ...extra }));
}
