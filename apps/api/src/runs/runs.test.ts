import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  followRun,
  jsonRequest,
  readRun,
  saveScenario,
  startRun,
  TEST_STRATEGIES,
  type RunJson,
} from '../testing/run-helpers.js';
import { seedDataset } from '../testing/seed-dataset.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { addToken, addWorkspace } from '../testing/workspace-tokens.js';

// One worker thread and room for two active runs: a waiting strategy holds the worker, a
// second run waits in the queue, a third is over the limit.
let server: TestServer;
let datasetId: string;

beforeAll(async () => {
  server = await startTestServer(
    { TESSERA_WORKERS: '1', TESSERA_MAX_QUEUED_JOBS: '2' },
    { plugins: [TEST_STRATEGIES] },
  );
  datasetId = await seedDataset(server, { accounts: 400, reps: 8 });
});
afterAll(async () => {
  await server.close();
});

interface ErrorJson {
  code: string;
  message: string;
}

const isRunning = (run: RunJson) => run.status === 'running';

async function cancel(runId: string, token?: string): Promise<Response> {
  return server.api(`/api/runs/${runId}/cancel`, jsonRequest('POST', {}, token));
}

describe('runs over HTTP', () => {
  it('runs a scenario of a generated dataset: queued, running, done, with its metrics', async () => {
    const scenarioId = await saveScenario(server, datasetId, {
      name: 'balanced',
      strategy: { id: 'geographic', params: { balanceOn: 'workload' } },
    });
    const runId = await startRun(server, scenarioId);
    expect(runId).toMatch(/^run_/);
    const { seen, run } = await followRun(server, runId);
    // Polling may miss a short state, never reorder them.
    expect(
      ['queued', 'running', 'done'].filter((s) => seen.includes(s as RunJson['status'])),
    ).toEqual(seen);
    expect(run).toMatchObject({ id: runId, scenarioId, status: 'done', progress: 1 });
    expect(run.metrics?.coverage.unassigned).toBe(0);
    expect(run.metrics?.territories).toHaveLength(8);
    expect(run.territories?.reduce((sum, t) => sum + t.accounts, 0)).toBe(400);
    expect(Date.parse(run.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(run.startedAt!));
    expect(run.error).toBeUndefined();
  });

  it('forgets a finished run when its scenario is deleted, though it was read before', async () => {
    const scenarioId = await saveScenario(server, datasetId, { name: 'to delete' });
    const runId = await startRun(server, scenarioId);
    expect((await followRun(server, runId)).run.status).toBe('done');
    expect((await server.api(`/api/runs/${runId}`)).status).toBe(200);
    expect((await server.api(`/api/scenarios/${scenarioId}`, { method: 'DELETE' })).status).toBe(
      200,
    );
    expect((await server.api(`/api/runs/${runId}`)).status).toBe(404);
  });

  it('runs the scenario as it was asked for, whatever is saved later', async () => {
    const scenarioId = await saveScenario(server, datasetId, { name: 'v1', seed: 1 });
    const runId = await startRun(server, scenarioId);
    const put = await server.api(`/api/scenarios/${scenarioId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        revision: 1,
        scenario: {
          version: 1,
          name: 'v2',
          dataset: { id: datasetId },
          strategy: { id: 'test-fails' },
        },
      }),
    });
    expect(put.status).toBe(200);
    const { run } = await followRun(server, runId);
    expect(run.status).toBe('done');
    const list = (await (await server.api(`/api/runs?scenarioId=${scenarioId}`)).json()) as {
      id: string;
      scenarioRevision: number;
    }[];
    expect(list).toEqual([expect.objectContaining({ id: runId, scenarioRevision: 1 })]);
  });

  it("fails a run whose strategy throws, with the strategy's message", async () => {
    const scenarioId = await saveScenario(server, datasetId, {
      name: 'doomed',
      strategy: { id: 'test-fails' },
    });
    const { run } = await followRun(server, await startRun(server, scenarioId));
    expect(run.status).toBe('failed');
    expect(run.error?.message).toContain('test-fails: no territories today');
    expect(run.message).toContain('test-fails: no territories today');
    expect(run.metrics).toBeUndefined();
  });

  it('cancels a running run and a queued one; the worker is free again afterwards', async () => {
    const waiting = await saveScenario(server, datasetId, {
      name: 'long',
      strategy: { id: 'test-until-cancelled' },
    });
    const running = await startRun(server, waiting);
    await followRun(server, running, isRunning);
    const queued = await startRun(server, waiting);
    expect((await readRun(server, queued)).status).toBe('queued');

    // Two active runs is this workspace's limit.
    const over = await server.api(`/api/scenarios/${waiting}/runs`, jsonRequest('POST', {}));
    expect(over.status).toBe(429);
    const limit = (await over.json()) as ErrorJson;
    expect(limit.code).toBe('LIMIT');
    expect(limit.message).toContain('the workspace has 2 queued or running: at most 2');

    for (const runId of [queued, running]) {
      const response = await cancel(runId);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ id: runId, status: 'cancelled' });
      expect((await readRun(server, runId)).status).toBe('cancelled');
    }

    // The one worker thread only runs this if the cancelled strategy let go of it.
    const after = await saveScenario(server, datasetId, { name: 'after' });
    const { run } = await followRun(server, await startRun(server, after));
    expect(run.status).toBe('done');
    expect((await readRun(server, running)).status).toBe('cancelled');
  });

  it('refuses to cancel a finished run with 409', async () => {
    const scenarioId = await saveScenario(server, datasetId, { name: 'quick' });
    const runId = await startRun(server, scenarioId);
    await followRun(server, runId);
    const response = await cancel(runId);
    expect(response.status).toBe(409);
    const body = (await response.json()) as ErrorJson;
    expect(body.code).toBe('CONFLICT');
    expect(body.message).toBe(
      `run "${runId}" is already done: only a queued or running run can be cancelled`,
    );
  });

  it('lists runs newest first, of one scenario when asked', async () => {
    const scenarioId = await saveScenario(server, datasetId, { name: 'listed' });
    const first = await startRun(server, scenarioId);
    await followRun(server, first);
    const second = await startRun(server, scenarioId);
    await followRun(server, second);
    const mine = (await (await server.api(`/api/runs?scenarioId=${scenarioId}`)).json()) as {
      id: string;
    }[];
    expect(mine.map((r) => r.id)).toEqual([second, first]);
    const all = (await (await server.api('/api/runs?limit=1')).json()) as unknown[];
    expect(all).toHaveLength(1);
    const unknown = await server.api('/api/runs?scenarioId=sc_nothing');
    expect(unknown.status).toBe(404);
  });

  it('answers 404 for an unknown scenario or run, and for those of another workspace', async () => {
    const scenarioId = await saveScenario(server, datasetId, { name: 'private' });
    const runId = await startRun(server, scenarioId);
    await followRun(server, runId);
    const other = await addWorkspace(server);
    for (const [method, path] of [
      ['POST', `/api/scenarios/${scenarioId}/runs`],
      ['GET', `/api/runs/${runId}`],
      ['POST', `/api/runs/${runId}/cancel`],
      ['GET', `/api/runs?scenarioId=${scenarioId}`],
      ['GET', '/api/runs/run_nothing'],
      ['POST', '/api/scenarios/sc_nothing/runs'],
    ] as const) {
      const response = await server.api(
        path,
        method === 'GET'
          ? { headers: { authorization: `Bearer ${other.token}` } }
          : jsonRequest(method, {}, other.token),
      );
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(((await response.json()) as ErrorJson).code).toBe('NOT_FOUND');
    }
    const theirs = await server.api('/api/runs', {
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(await theirs.json()).toEqual([]);
  });

  it('lets a viewer read runs but not start or cancel them', async () => {
    const scenarioId = await saveScenario(server, datasetId, { name: 'viewed' });
    const runId = await startRun(server, scenarioId);
    await followRun(server, runId);
    const viewer = await addToken(server, 'viewer');
    const as = { authorization: `Bearer ${viewer}` };
    expect((await server.api(`/api/runs/${runId}`, { headers: as })).status).toBe(200);
    const start = await server.api(
      `/api/scenarios/${scenarioId}/runs`,
      jsonRequest('POST', {}, viewer),
    );
    expect(start.status).toBe(403);
    expect((await cancel(runId, viewer)).status).toBe(403);
  });
});
