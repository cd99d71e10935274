import { failureOf } from '../testing/failure-of.js';
import { afterEach, describe, expect, it } from 'vitest';
import { runScenario } from '../run/run-scenario.js';
import { runSweep } from '../sweep/run-sweep.js';
import type { RunProgress } from '../run/types.js';
import type { ScenarioInput } from '../schema/scenario-schema.js';
import { twoCities } from '../testing/two-cities.js';
import type { ScenarioPool } from '../worker/scenario-pool.js';
import { createNodeScenarioPool, type NodeScenarioPoolOptions } from './node-scenario-pool.js';

const faultyWorker = new URL('./test-workers/faulty-plugins-worker.ts', import.meta.url);
const pools: ScenarioPool[] = [];

function pool(options: NodeScenarioPoolOptions = {}): ScenarioPool {
  const created = createNodeScenarioPool({ size: 1, cancelGraceMs: 100, ...options });
  pools.push(created);
  return created;
}

const scenario = (over: Partial<ScenarioInput> = {}): ScenarioInput => ({
  version: 1,
  name: 'west-push',
  strategy: { id: 'geographic', params: { tolerance: 0.1 } },
  seed: 7,
  ...over,
});

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('createNodeScenarioPool', { timeout: 60_000 }, () => {
  it('gives the same run in a worker as in this thread, with progress', async () => {
    const dataset = twoCities();
    const local = await runScenario(dataset, scenario());
    const progress: RunProgress[] = [];
    const remote = await pool().run(dataset, scenario(), {
      onProgress: (p) => progress.push(p),
    });
    expect(remote.plan.territoryOf).toEqual(local.plan.territoryOf);
    expect(remote.plan.territories).toEqual(local.plan.territories);
    expect(remote.metrics).toEqual(local.metrics);
    expect(remote.territories).toEqual(local.territories);
    expect(remote.edited.accounts.length).toBe(dataset.accounts.length);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.map((p) => p.stage)).toContain('strategy');
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  it('runs third-party strategies from plugin modules in every worker', async () => {
    const pluginModules = [new URL('./test-workers/everyone-west.ts', import.meta.url).href];
    const runs = await pool({ size: 2, pluginModules }).runAll(twoCities(), [
      scenario({ strategy: { id: 'everyone-west', params: {} } }),
      scenario({ strategy: { id: 'everyone-west', params: {} } }),
    ]);
    for (const run of runs) expect(new Set(run.plan.territoryOf)).toEqual(new Set([0]));
  });

  it('sends datasets by transfer or by clone with the same result, the caller keeping its tables', async () => {
    const dataset = twoCities();
    const p = pool({ size: 2 });
    const cloned = p.load(dataset);
    const moved = p.load(dataset, { transfer: true });
    const [a, b] = await Promise.all([p.run(cloned, scenario()), p.run(moved, scenario())]);
    expect(b.plan.territoryOf).toEqual(a.plan.territoryOf);
    expect(dataset.accounts.lat.byteLength).toBeGreaterThan(0);
    expect(dataset.accounts.id.get(0)).toBe('e00');
  });

  it('runs several scenarios across the pool in input order', async () => {
    const dataset = twoCities();
    const runs = await pool({ size: 2 }).runAll(dataset, [
      scenario({ name: 'a', seed: 1 }),
      scenario({ name: 'b', edits: [{ type: 'remove-rep', rep: 'ny2' }] }),
      scenario({ name: 'c', strategy: { id: 'nearest', params: {} } }),
    ]);
    expect(runs.map((run) => run.scenario.name)).toEqual(['a', 'b', 'c']);
    const expected = await runScenario(
      dataset,
      scenario({ name: 'c', strategy: { id: 'nearest', params: {} } }),
    );
    expect(runs[2]!.plan.territoryOf).toEqual(expected.plan.territoryOf);
  });

  it('sweeps a grid across the pool with the same rows as in this thread', async () => {
    const dataset = twoCities();
    const sweep = {
      version: 1,
      scenario: scenario({ name: 'base' }),
      grid: { strategy: ['geographic', 'nearest'], continuityWeight: [0, 3] },
    };
    const local = await runSweep(dataset, sweep);
    const done: number[] = [];
    const pooled = await pool({ size: 2 }).sweep(dataset, sweep, {
      onProgress: (finished) => done.push(finished),
    });
    const strip = (rows: typeof local.rows) => rows.map((row) => ({ ...row, ms: 0 }));
    expect(strip(pooled.rows)).toEqual(strip(local.rows));
    expect(pooled.nonDominated).toEqual(local.nonDominated);
    expect(done).toEqual([1, 2, 3]);
  });

  it('passes validation errors through with their code', async () => {
    const failure = await failureOf(
      pool().run(twoCities(), scenario({ strategy: { id: 'no-such', params: {} } })),
    );
    expect(failure.code).toBe('INVALID_SCENARIO');
    expect(failure.message).toMatch(
      /^scenario "west-push": strategy.id: unknown strategy "no-such"/,
    );
  });

  it('refuses a dropped dataset', async () => {
    const p = pool();
    const handle = p.load(twoCities());
    await p.run(handle, scenario());
    p.drop(handle);
    expect((await failureOf(p.run(handle, scenario()))).code).toBe('DATASET_DROPPED');
  });

  it('fails a run whose plugin throws, and the next run succeeds', async () => {
    const p = pool({ workerUrl: faultyWorker });
    const dataset = p.load(twoCities());
    const failure = await failureOf(
      p.run(dataset, scenario({ name: 'boom', strategy: { id: 'explode', params: {} } })),
    );
    expect(failure).toEqual({
      code: 'RUN_FAILED',
      message: 'scenario "boom": explode: the plugin broke',
    });
    const next = await p.run(dataset, scenario());
    expect(next.metrics.coverage.unassigned).toBe(0);
  });

  it('times out a plugin that hangs, replaces its worker, and the next run succeeds', async () => {
    const p = pool({ workerUrl: faultyWorker, timeoutMs: 30_000 });
    const dataset = p.load(twoCities(), { transfer: true });
    await p.run(dataset, scenario());
    const failure = await failureOf(
      p.run(dataset, scenario({ name: 'stuck', strategy: { id: 'hang', params: {} } }), {
        timeoutMs: 300,
      }),
    );
    expect(failure).toEqual({
      code: 'RUN_TIMEOUT',
      message:
        'scenario "stuck": timed out after 300 ms; the worker did not stop within 100 ms and was replaced',
    });
    // The replacement worker starts empty: the dataset is sent to it again.
    const next = await p.run(dataset, scenario());
    expect(next.metrics.coverage.unassigned).toBe(0);
  });

  it('cancels a plugin that yields without replacing its worker', async () => {
    const p = pool({ workerUrl: faultyWorker, cancelGraceMs: 10_000 });
    const controller = new AbortController();
    const failure = failureOf(
      p.run(twoCities(), scenario({ name: 'slow', strategy: { id: 'patient', params: {} } }), {
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.message === 'waiting') controller.abort();
        },
      }),
    );
    expect(await failure).toEqual({ code: 'RUN_CANCELLED', message: 'scenario "slow": cancelled' });
    expect(p.workers.stats().workers).toBe(1);
    const next = await p.run(twoCities(), scenario());
    expect(next.metrics.coverage.unassigned).toBe(0);
  });
});
