import { parseScenario, runSweep } from '@tessera/scenarios';
import { createBuiltinRegistry } from '@tessera/plugins';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonRequest, saveScenario, TEST_STRATEGIES } from '../testing/run-helpers.js';
import { seedDataset } from '../testing/seed-dataset.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { addToken, addWorkspace, defaultWorkspaceId } from '../testing/workspace-tokens.js';
import type { SweepResult } from './sweep-schemas.js';

let server: TestServer;
let datasetId: string;
let scenarioId: string;

const SCENARIO = {
  name: 'sweep base',
  strategy: { id: 'geographic', params: { balanceOn: 'workload' } },
  seed: 3,
};

beforeAll(async () => {
  server = await startTestServer({ TESSERA_WORKERS: '2' }, { plugins: [TEST_STRATEGIES] });
  datasetId = await seedDataset(server, { accounts: 400, reps: 6, seed: 5 });
  scenarioId = await saveScenario(server, datasetId, SCENARIO);
});
afterAll(async () => {
  await server.close();
});

async function postSweep(body: unknown, token?: string): Promise<Response> {
  return server.api('/api/sweeps', jsonRequest('POST', body, token));
}

async function readSweep(id: string, token?: string): Promise<Response> {
  return server.api(
    `/api/sweeps/${id}`,
    token ? { headers: { authorization: `Bearer ${token}` } } : {},
  );
}

/** Reads the sweep until every point has finished; the test's timeout bounds the wait. */
async function finished(id: string): Promise<SweepResult> {
  for (;;) {
    const sweep = (await (await readSweep(id)).json()) as SweepResult;
    if (sweep.status === 'done' || sweep.status === 'failed') return sweep;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('sweeps over HTTP', () => {
  it('runs every grid point as a job and answers the rows and frontier runSweep gives', async () => {
    const grid = { k: [3, 4], tolerance: [0.05, 0.3] };
    const response = await postSweep({ scenarioId, name: 'k × tolerance', grid });
    expect(response.status, await response.clone().text()).toBe(202);
    const { id } = (await response.json()) as { id: string };
    expect(id).toMatch(/^sw_/);

    const sweep = await finished(id);
    expect(sweep).toMatchObject({
      id,
      name: 'k × tolerance',
      scenarioId,
      status: 'done',
      total: 4,
      done: 4,
      failed: 0,
    });
    expect(sweep.rows.map((r) => r.index)).toEqual([0, 1, 2, 3]);

    // The same sweep in this thread, on the same dataset: the same rows, bar the times.
    const dataset = await server.services.datasets.load(
      await defaultWorkspaceId(server),
      datasetId,
    );
    const base = parseScenario({ version: 1, ...SCENARIO }, { registry: createBuiltinRegistry() });
    const local = await runSweep(dataset, { version: 1, scenario: base, grid });
    const withoutTime = <T extends { ms: number }>({ ms: _ms, ...rest }: T) => rest;
    expect(sweep.rows.map(({ index: _index, ...row }) => withoutTime(row))).toEqual(
      local.rows.map(withoutTime),
    );
    expect(sweep.nonDominated).toEqual(local.nonDominated);
    expect(sweep.nonDominated.length).toBeGreaterThan(0);
    expect(sweep.warnings).toEqual(local.warnings);
  });

  it('answers a sweep nobody has taken yet as queued, with no rows', async () => {
    const idle = await startTestServer({ TESSERA_WORKERS: '0' });
    try {
      const dataset = await seedDataset(idle, { accounts: 50, reps: 3 });
      const scenario = await saveScenario(idle, dataset);
      const created = await idle.api(
        '/api/sweeps',
        jsonRequest('POST', { scenarioId: scenario, grid: { k: [2, 3] } }),
      );
      expect(created.status).toBe(202);
      const { id } = (await created.json()) as { id: string };
      const sweep = (await (await idle.api(`/api/sweeps/${id}`)).json()) as SweepResult;
      expect(sweep).toMatchObject({
        status: 'queued',
        total: 2,
        done: 0,
        failed: 0,
        rows: [],
        nonDominated: [],
      });
    } finally {
      await idle.close();
    }
  });

  it('reports a point that failed as a row with its error; the others go on', async () => {
    const response = await postSweep({ scenarioId, grid: { strategy: ['nearest', 'test-fails'] } });
    expect(response.status).toBe(202);
    const sweep = await finished(((await response.json()) as { id: string }).id);
    expect(sweep).toMatchObject({ status: 'done', total: 2, done: 1, failed: 1 });
    const failed = sweep.rows.find((r) => r.error !== null)!;
    expect(failed.strategy).toBe('test-fails');
    expect(failed.error).toBe(
      'scenario "sweep base: test-fails": test-fails: no territories today',
    );
    expect(failed.balance).toBeNull();
    expect(failed.nonDominated).toBe(false);
    expect(sweep.nonDominated).toEqual([sweep.rows.find((r) => r.error === null)!.index]);
  });

  it('refuses a bad grid naming what is wrong, and stores nothing', async () => {
    const unknown = await postSweep({ scenarioId, grid: { strategy: ['no-such-strategy'] } });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { message: string }).message).toMatch(
      /grid\.strategy: .*no-such-strategy/,
    );
    // What the schema refuses is a bad request (400), with the field and what it expected.
    for (const [body, field] of [
      [{ scenarioId, grid: { k: [] } }, /grid\.k: lists no value/],
      [{ scenarioId, grid: { k: [2] }, scenario: {} }, /scenario/],
      [{ scenarioId, grid: { tolerance: [-1] } }, /grid\.tolerance\.0: /],
      [{ grid: { k: [2] } }, /scenarioId/],
    ] as const) {
      const response = await postSweep(body);
      expect(response.status).toBe(400);
      const error = (await response.json()) as { code: string; message: string };
      expect(error.code).toBe('INVALID');
      expect(error.message).toMatch(field);
    }
    const rows = await server.services.db.query.sweeps.findMany();
    expect(rows.every((r) => r.total > 0)).toBe(true);
    expect(rows.some((r) => JSON.stringify(r.request).includes('no-such-strategy'))).toBe(false);
  });

  it('is 404 for an unknown scenario or sweep, and for another workspace’s', async () => {
    const noScenario = await postSweep({ scenarioId: 'sc_nope', grid: { k: [2] } });
    expect(noScenario.status).toBe(404);
    expect(((await noScenario.json()) as { message: string }).message).toContain('sc_nope');
    expect((await readSweep('sw_nope')).status).toBe(404);

    const created = await postSweep({ scenarioId, grid: { k: [3] } });
    const { id } = (await created.json()) as { id: string };
    const other = await addWorkspace(server);
    expect((await readSweep(id, other.token)).status).toBe(404);
    expect((await postSweep({ scenarioId, grid: { k: [3] } }, other.token)).status).toBe(404);
    await finished(id);
  });

  it('lets a viewer read a sweep but only a planner start one', async () => {
    const viewer = await addToken(server, 'viewer');
    const refused = await postSweep({ scenarioId, grid: { k: [3] } }, viewer);
    expect(refused.status).toBe(403);
    const planner = await addToken(server, 'planner');
    const created = await postSweep({ scenarioId, grid: { k: [3] } }, planner);
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };
    expect((await readSweep(id, viewer)).status).toBe(200);
    await finished(id);
  });

  it('refuses a sweep that would queue more jobs than a workspace may have waiting', async () => {
    const tight = await startTestServer({ TESSERA_WORKERS: '0', TESSERA_MAX_QUEUED_JOBS: '3' });
    try {
      const dataset = await seedDataset(tight, { accounts: 50, reps: 3 });
      const scenario = await saveScenario(tight, dataset);
      const fits = await tight.api(
        '/api/sweeps',
        jsonRequest('POST', { scenarioId: scenario, grid: { k: [1, 2] } }),
      );
      expect(fits.status).toBe(202);
      const over = await tight.api(
        '/api/sweeps',
        jsonRequest('POST', { scenarioId: scenario, grid: { k: [1, 2] } }),
      );
      expect(over.status).toBe(429);
      expect(((await over.json()) as { message: string }).message).toMatch(
        /queues 2 jobs and the workspace has 2 queued or running: at most 3/,
      );
    } finally {
      await tight.close();
    }
  });
});
