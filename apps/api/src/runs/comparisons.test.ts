import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  doneRun,
  followRun,
  jsonRequest,
  saveScenario,
  startRun,
  TEST_STRATEGIES,
} from '../testing/run-helpers.js';
import { seedDataset } from '../testing/seed-dataset.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { addWorkspace } from '../testing/workspace-tokens.js';

let server: TestServer;
let datasetId: string;
let nearest: string;
let geographic: string;
let withoutRep: string;

interface PairJson {
  a: number;
  b: number;
  accountsMoved: number;
  flow: { from: string[]; to: string[]; accounts: number[][] };
  moved: {
    count: number;
    accountIds: string[];
    indexInA: number[];
    indexInB: number[];
    from: number[];
    to: number[];
  };
}

interface ComparisonJson {
  runs: string[];
  scenarios: { name: string; metrics: { balance: { workload: { index: number } } } }[];
  deltas: Record<string, number>[];
  pairs: PairJson[];
  reps: { repId: string; workload: (number | null)[]; change: (number | null)[] }[];
}

beforeAll(async () => {
  server = await startTestServer({}, { plugins: [TEST_STRATEGIES] });
  datasetId = await seedDataset(server, { accounts: 300, reps: 6 });
  nearest = await doneRun(server, datasetId, { name: 'nearest', strategy: { id: 'nearest' } });
  geographic = await doneRun(server, datasetId, {
    name: 'geographic',
    strategy: { id: 'geographic', params: { balanceOn: 'workload' } },
  });
  withoutRep = await doneRun(server, datasetId, {
    name: 'R002 leaves',
    edits: [{ type: 'remove-rep', rep: 'R002' }],
    strategy: { id: 'nearest' },
  });
});
afterAll(async () => {
  await server.close();
});

function compare(runs: unknown, token?: string): Promise<Response> {
  return server.api('/api/comparisons', jsonRequest('POST', { runs }, token));
}

describe('comparisons over HTTP', () => {
  it('compares runs as compareRuns does: metrics side by side, deltas, pairs with moved accounts', async () => {
    const response = await compare([nearest, geographic, withoutRep]);
    expect(response.status).toBe(200);
    const comparison = (await response.json()) as ComparisonJson;
    expect(comparison.runs).toEqual([nearest, geographic, withoutRep]);
    expect(comparison.scenarios.map((s) => s.name)).toEqual([
      'nearest',
      'geographic',
      'R002 leaves',
    ]);
    expect(comparison.deltas[0]!['balance.workload.index']).toBe(0);
    expect(comparison.deltas[1]!['balance.workload.index']).toBeCloseTo(
      comparison.scenarios[1]!.metrics.balance.workload.index -
        comparison.scenarios[0]!.metrics.balance.workload.index,
    );
    expect(comparison.pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    for (const pair of comparison.pairs) {
      const { moved } = pair;
      // Typed-array columns arrive as JSON arrays, one entry per moved account.
      for (const column of [
        moved.accountIds,
        moved.indexInA,
        moved.indexInB,
        moved.from,
        moved.to,
      ]) {
        expect(Array.isArray(column)).toBe(true);
        expect(column).toHaveLength(moved.count);
      }
      expect(pair.accountsMoved).toBe(moved.count);
      const flowTotal = pair.flow.accounts.flat().reduce((sum, n) => sum + n, 0);
      expect(flowTotal).toBe(300);
    }
    // Every account of R002 moves when R002 leaves.
    const leaving = comparison.pairs[1]!;
    expect(leaving.accountsMoved).toBeGreaterThan(0);
    expect(new Set(leaving.moved.accountIds).size).toBe(leaving.moved.count);
    expect(leaving.moved.accountIds.every((id) => /^A\d{7}$/.test(id))).toBe(true);
    const r002 = comparison.reps.find((r) => r.repId === 'R002')!;
    expect(r002.workload[2]).toBeNull();
  });

  it('refuses a run that is not done with 409', async () => {
    const scenarioId = await saveScenario(server, datasetId, {
      name: 'doomed',
      strategy: { id: 'test-fails' },
    });
    const failed = await startRun(server, scenarioId);
    await followRun(server, failed);
    const response = await compare([nearest, failed]);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      code: 'CONFLICT',
      message: `run "${failed}" is failed: only a done run has a plan`,
    });
  });

  it("answers another workspace's runs as 404", async () => {
    const other = await addWorkspace(server);
    const response = await compare([nearest, geographic], other.token);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { message: string }).message).toBe(
      `run "${nearest}" not found`,
    );
  });

  // Input that fails the schema is 400 INVALID across the REST surface; a list the schema
  // takes but that makes no comparison is 422.
  it.each([
    ['one run', () => [nearest], 400, /runs: must have at least 2 items/],
    [
      'five runs',
      () => [nearest, geographic, withoutRep, 'run_a', 'run_b'],
      400,
      /runs: must have at most 4 items/,
    ],
    ['no list', () => 'run_x', 400, /runs: expected a list/],
    ['a run twice', () => [nearest, nearest], 422, /runs\[1\]: run ".*" is listed twice/],
  ])('refuses %s', async (_what, runs, status, reason) => {
    const response = await compare(runs());
    expect(response.status).toBe(status);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe('INVALID');
    expect(body.message).toMatch(reason);
  });
});
