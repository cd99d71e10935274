import { TesseraError } from '@tessera/core';
import { expose, wrap } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatasetData } from '../dataset/dataset.js';
import { runScenario } from '../run/run-scenario.js';
import { twoCities } from '../testing/two-cities.js';
import { registerErrorTransfer } from './error-transfer.js';
import { createScenarioPool, type ScenarioPool } from './scenario-pool.js';
import { createScenarioWorkerApi, type ScenarioWorkerApi } from './scenario-worker-api.js';
import type { PoolWorker } from './worker-pool.js';

// Workers in this thread, over MessageChannels (so data still crosses by structured clone or
// transfer), that log what they are sent. Real threads: src/node/node-scenario-pool.test.ts.
interface Log {
  loads: { worker: number; key: string; lat: Float64Array }[];
  drops: { worker: number; key: string }[];
}

function inThreadPool(size: number): { pool: ScenarioPool; log: Log } {
  registerErrorTransfer();
  const log: Log = { loads: [], drops: [] };
  let spawned = 0;
  const spawn = (): PoolWorker<ScenarioWorkerApi> => {
    const worker = ++spawned;
    const api = createScenarioWorkerApi();
    const logged: ScenarioWorkerApi = {
      ...api,
      loadDataset(key: string, data: DatasetData) {
        log.loads.push({ worker, key, lat: data.accounts.measures.lat });
        api.loadDataset(key, data);
      },
      dropDataset(key: string) {
        log.drops.push({ worker, key });
        return api.dropDataset(key);
      },
    };
    const { port1, port2 } = new MessageChannel();
    expose(logged, port1);
    return {
      remote: wrap<ScenarioWorkerApi>(port2),
      terminate() {
        port1.close();
        port2.close();
      },
      onFailure() {
        // Never fails.
      },
    };
  };
  const pool = createScenarioPool({ size, spawn });
  pools.push(pool);
  return { pool, log };
}

const pools: ScenarioPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

const scenario = { version: 1, name: 'east', strategy: { id: 'nearest' }, seed: 2 };

describe('ScenarioPool', () => {
  it('sends a dataset to a worker once, on its first run that needs it', async () => {
    const { pool, log } = inThreadPool(1);
    const dataset = twoCities();
    const first = await pool.run(dataset, scenario);
    const second = await pool.run(dataset, scenario);
    expect(log.loads.map((l) => l.key)).toEqual(['dataset-1']);
    expect(second.plan.territoryOf).toEqual(first.plan.territoryOf);
    const local = await runScenario(dataset, scenario);
    expect(first.plan.territoryOf).toEqual(local.plan.territoryOf);
    expect(first.edited.accounts.length).toBe(60);
  });

  it('clones by default and sends own copies with transfer: true, the caller keeping its tables', async () => {
    const { pool, log } = inThreadPool(1);
    const dataset = twoCities();
    await pool.run(pool.load(dataset), scenario);
    await pool.run(pool.load(dataset, { transfer: true }), scenario);
    expect(log.loads).toHaveLength(2);
    for (const load of log.loads) {
      expect(load.lat).not.toBe(dataset.accounts.lat);
      expect(load.lat).toEqual(dataset.accounts.lat);
    }
    expect(dataset.accounts.lat.length).toBe(60);
  });

  it('has each worker drop a dropped dataset before its next task', async () => {
    const { pool, log } = inThreadPool(1);
    const a = pool.load(twoCities(1));
    const b = pool.load(twoCities(2));
    await pool.run(a, scenario);
    pool.drop(a);
    expect(log.drops).toEqual([]);
    await pool.run(b, scenario);
    expect(log.drops).toEqual([{ worker: 1, key: a.key }]);
    await expect(pool.run(a, scenario)).rejects.toThrow(TesseraError);
  });

  it("refuses another pool's handle", async () => {
    const { pool } = inThreadPool(1);
    const other = inThreadPool(1).pool;
    const foreign = other.load(twoCities());
    await expect(pool.run(foreign, scenario)).rejects.toMatchObject({ code: 'DATASET_DROPPED' });
  });

  it('runs several scenarios side by side; the first failure rejects', async () => {
    const { pool, log } = inThreadPool(2);
    const dataset = pool.load(twoCities());
    const runs = await pool.runAll(dataset, [scenario, { ...scenario, name: 'west', seed: 3 }]);
    expect(runs.map((run) => run.scenario.name)).toEqual(['east', 'west']);
    expect(new Set(log.loads.map((l) => l.worker))).toEqual(new Set([1, 2]));
    await expect(
      pool.runAll(dataset, [scenario, { ...scenario, name: 'bad', strategy: { id: 'nope' } }]),
    ).rejects.toMatchObject({ code: 'INVALID_SCENARIO' });
  });
});
