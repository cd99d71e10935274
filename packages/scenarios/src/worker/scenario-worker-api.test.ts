import { definePlugin, Plan, TesseraError } from '@tessera/core';
import { createBuiltinRegistry } from '@tessera/plugins';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { datasetToData } from '../dataset/dataset.js';
import { runScenarioOutcome } from '../run/run-scenario.js';
import type { RunProgress } from '../run/types.js';
import { twoCities } from '../testing/two-cities.js';
import { createScenarioWorkerApi } from './scenario-worker-api.js';

const scenario = { version: 1, name: 'north', strategy: { id: 'geographic' }, seed: 3 };

describe('createScenarioWorkerApi (in this thread)', () => {
  it('runs a scenario on a loaded dataset like runScenarioOutcome', async () => {
    const api = createScenarioWorkerApi();
    api.loadDataset('d', datasetToData(twoCities()));
    const progress: RunProgress[] = [];
    const outcome = await api.run('t1', 'd', scenario, (p) => {
      progress.push(p);
    });
    const expected = await runScenarioOutcome(twoCities(), scenario);
    expect(outcome.plan).toEqual(expected.plan);
    expect(outcome.metrics).toEqual(expected.metrics);
    expect(progress.at(-1)?.fraction).toBe(1);
  });

  it('thins progress out to one event per percent, stage or message', async () => {
    const api = createScenarioWorkerApi();
    api.loadDataset('d', datasetToData(twoCities()));
    const progress: RunProgress[] = [];
    await api.run('t1', 'd', scenario, (p) => {
      progress.push(p);
    });
    for (let i = 1; i < progress.length; i++) {
      const [a, b] = [progress[i - 1]!, progress[i]!];
      const changed = a.stage !== b.stage || a.message !== b.message || b.fraction === 1;
      expect(changed || b.fraction - a.fraction >= 0.01).toBe(true);
    }
  });

  it('survives a progress handler that throws', async () => {
    const api = createScenarioWorkerApi();
    api.loadDataset('d', datasetToData(twoCities()));
    const outcome = await api.run('t1', 'd', scenario, () => {
      throw new Error('UI gone');
    });
    expect(outcome.name).toBe('north');
  });

  it('says which dataset is missing, and forgets dropped ones', async () => {
    const api = createScenarioWorkerApi();
    await expect(api.run('t1', 'nope', scenario)).rejects.toThrow(
      new TesseraError('DATASET_NOT_LOADED', 'worker: no dataset loaded under "nope"'),
    );
    api.loadDataset('d', datasetToData(twoCities()));
    expect(api.dropDataset('d')).toBe(true);
    expect(api.dropDataset('d')).toBe(false);
  });

  it('cancels a run through its task id', async () => {
    const api = createScenarioWorkerApi();
    api.loadDataset('d', datasetToData(twoCities()));
    const running = api.run('t9', 'd', scenario, () => {
      api.cancel('t9');
    });
    await expect(running).rejects.toMatchObject({ code: 'RUN_CANCELLED' });
    expect(api.cancel('t9')).toBe(false);
    expect(api.ping()).toBe('pong');
  });

  it('lists its strategies, built-ins and its own plugins, with their parameter schemas', () => {
    const mine = definePlugin({
      id: 'all-to-first',
      name: 'All to the first rep',
      version: '1.2.0',
      description: 'Every account to rep 0.',
      params: z.object({ note: z.string().default('x').describe('a note') }),
      segment: ({ accounts, reps }) => ({
        plan: Plan.fromRepAssignment(reps, new Int32Array(accounts.length)),
      }),
    });
    const strategies = createScenarioWorkerApi({ plugins: [mine] }).strategies();
    const builtins = createBuiltinRegistry().list();
    expect(strategies.map((s) => s.id)).toEqual(
      [...builtins.map((s) => s.id), 'all-to-first'].sort(),
    );
    expect(strategies.find((s) => s.id === 'all-to-first')).toEqual({
      id: 'all-to-first',
      name: 'All to the first rep',
      version: '1.2.0',
      description: 'Every account to rep 0.',
      paramsSchema: expect.objectContaining({
        type: 'object',
        properties: { note: { type: 'string', default: 'x', description: 'a note' } },
      }) as unknown,
    });
    expect(strategies.find((s) => s.id === 'geographic')).toEqual(
      builtins.find((s) => s.id === 'geographic'),
    );
  });
});
