import { MessageChannel } from 'node:worker_threads';
import { definePlugin } from '@tessera/core';
import { builtinPlugins, createBuiltinRegistry } from '@tessera/plugins';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import { datasetToData, type DatasetData, type RunProgress } from '@tessera/scenarios';
import {
  createScenarioWorkerApi,
  registerErrorTransfer,
  type BrowserWorker,
} from '@tessera/scenarios/worker';
import { expose, type Endpoint } from 'comlink';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerPool, type PlannerPool } from './planner-pool.ts';

// A third-party strategy as a project config would bring it: here, the built-in nearest-rep
// strategy under another id.
const nearest = builtinPlugins.find((plugin) => plugin.id === 'nearest')!;
const myNearest = definePlugin({
  ...nearest,
  id: 'my-nearest',
  name: 'My nearest',
  version: '0.3.0',
  description: 'Each account to the nearest rep, as a plugin of our own.',
});

let data: DatasetData;
let accounts: number;
beforeAll(() => {
  const sample = generateSample({ accounts: 4000, reps: 12, seed: 3, places: loadUsPlaces() });
  data = datasetToData(sample);
  accounts = sample.accounts.length;
});

let pool: PlannerPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

/**
 * A pool whose "workers" are scenario worker APIs at the other end of a MessageChannel in this
 * thread: the same comlink messages and transfers as a browser worker, counted.
 */
function testPool() {
  registerErrorTransfer();
  const counts = { datasetLoads: 0, workerLoads: 0 };
  const planner = createPlannerPool({
    size: 1,
    loadDataset: (datasetId) => {
      counts.datasetLoads++;
      if (datasetId !== 'ds_1')
        return Promise.reject(new Error(`dataset "${datasetId}" not found`));
      return Promise.resolve({ data });
    },
    createWorker: (): BrowserWorker => {
      const { port1, port2 } = new MessageChannel();
      const api = createScenarioWorkerApi({ plugins: [myNearest] });
      expose(
        {
          ...api,
          loadDataset: (key: string, loaded: DatasetData) => {
            counts.workerLoads++;
            api.loadDataset(key, loaded);
          },
        },
        port2 as unknown as Endpoint,
      );
      return Object.assign(port1 as unknown as Endpoint, {
        terminate: () => {
          port1.close();
          port2.close();
        },
      });
    },
  });
  pool = planner;
  return { planner, counts };
}

const geographic = {
  version: 1,
  name: 'geo',
  strategy: { id: 'geographic', params: { tolerance: 0.1 } },
  seed: 1,
};

describe('createPlannerPool', () => {
  it('runs a scenario in a worker, progress reaching 1, the plan covering every account', async () => {
    const { planner } = testPool();
    const progress: RunProgress[] = [];
    const outcome = await planner.runInWorker('ds_1', geographic, {
      onProgress: (p) => progress.push(p),
    });
    expect(outcome.name).toBe('geo');
    expect(outcome.plan.territoryOf).toHaveLength(accounts);
    expect(outcome.metrics.coverage.unassigned).toBe(0);
    expect(outcome.plan.territoryOf.every((t) => t >= 0)).toBe(true);
    expect(progress.at(-1)?.fraction).toBe(1);
  });

  it('sends each dataset to the pool once, however many runs use it', async () => {
    const { planner, counts } = testPool();
    await planner.runInWorker('ds_1', geographic);
    await planner.runInWorker('ds_1', { ...geographic, name: 'again', seed: 2 });
    expect(counts.workerLoads).toBe(1);
    planner.forgetDataset('ds_1');
    await planner.runInWorker('ds_1', geographic);
    // The loader's cache answers; the pool gets the dataset again after it was forgotten.
    expect(counts.workerLoads).toBe(2);
  });

  it('cancels a run through its signal', async () => {
    const { planner } = testPool();
    const controller = new AbortController();
    const running = planner.runInWorker('ds_1', geographic, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'strategy') controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ code: 'RUN_CANCELLED' });
    // The pool is fine afterwards.
    const outcome = await planner.runInWorker('ds_1', geographic);
    expect(outcome.plan.territoryOf).toHaveLength(accounts);
  });

  it('says what went wrong: a dataset that cannot be loaded, a strategy nobody knows', async () => {
    const { planner } = testPool();
    await expect(planner.runInWorker('ds_404', geographic)).rejects.toThrow(
      'dataset "ds_404" not found',
    );
    await expect(
      planner.runInWorker('ds_1', { ...geographic, strategy: { id: 'geografic' } }),
    ).rejects.toMatchObject({
      code: 'INVALID_SCENARIO',
      message:
        'scenario "geo": strategy.id: unknown strategy "geografic" (known: geographic, industry, my-nearest, nearest, pipeline, rep-skill, size)',
    });
  });

  it("lists the workers' strategies: the built-ins and the bundled plugins, with schemas", async () => {
    const { planner } = testPool();
    const strategies = await planner.listStrategies();
    const builtins = createBuiltinRegistry().list();
    expect(strategies.map((s) => s.id)).toEqual(
      [...builtins.map((s) => s.id), 'my-nearest'].sort(),
    );
    const mine = strategies.find((s) => s.id === 'my-nearest')!;
    expect(mine).toMatchObject({ name: 'My nearest', version: '0.3.0' });
    expect(mine.paramsSchema).toEqual(builtins.find((s) => s.id === 'nearest')!.paramsSchema);
    const runMine = await planner.runInWorker('ds_1', {
      ...geographic,
      strategy: { id: 'my-nearest' },
    });
    expect(runMine.plan.territoryOf).toHaveLength(accounts);
    expect(await planner.listStrategies()).toBe(strategies);
  });
});
