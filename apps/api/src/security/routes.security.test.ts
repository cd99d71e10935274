import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import {
  boundariesBody,
  boundariesDatasetIn,
  datasetIn,
  doneRunIn,
  twoDoneRunsIn,
  memberIn,
  newMember,
  runIn,
  sampleDatasetIn,
  scenarioBody,
  scenarioIn,
  sweepIn,
  tokenIn,
  uploadForm,
} from './records.js';
import {
  describeRouteSecurity,
  expectErrorShape,
  securityFixture,
  type RouteUnderTest,
  type SecurityFixture,
} from './route-security.js';

/**
 * Every REST route, with the least role that may call it and how to make a valid request. A new
 * route gets a row here: the last test fails for any route of the OpenAPI document left out.
 */
const ROUTES: RouteUnderTest[] = [
  { method: 'GET', path: '/plugins', minRole: 'viewer' },

  { method: 'GET', path: '/tokens', minRole: 'admin' },
  {
    method: 'POST',
    path: '/tokens',
    minRole: 'admin',
    body: () => ({ name: 'suite', role: 'viewer' }),
  },
  { method: 'DELETE', path: '/tokens/{id}', minRole: 'admin', record: tokenIn },

  { method: 'GET', path: '/members', minRole: 'admin' },
  { method: 'POST', path: '/members', minRole: 'admin', body: newMember },
  {
    method: 'PUT',
    path: '/members/{userId}',
    minRole: 'admin',
    record: memberIn,
    body: () => ({ role: 'planner' }),
  },
  { method: 'DELETE', path: '/members/{userId}', minRole: 'admin', record: memberIn },

  { method: 'GET', path: '/datasets', minRole: 'viewer' },
  { method: 'POST', path: '/datasets', minRole: 'planner', body: uploadForm },
  {
    method: 'POST',
    path: '/datasets/sample',
    minRole: 'planner',
    body: () => ({ accounts: 40, reps: 2 }),
  },
  { method: 'GET', path: '/datasets/{id}', minRole: 'viewer', record: datasetIn },
  { method: 'GET', path: '/datasets/{id}/accounts', minRole: 'viewer', record: datasetIn },
  { method: 'GET', path: '/datasets/{id}/columns', minRole: 'viewer', record: datasetIn },
  // Its own dataset: the shared one stays for the other routes.
  { method: 'DELETE', path: '/datasets/{id}', minRole: 'planner', record: sampleDatasetIn },
  // Datasets of their own too: boundaries change what the shared dataset's runs build.
  {
    method: 'PUT',
    path: '/datasets/{id}/boundaries',
    minRole: 'planner',
    record: sampleDatasetIn,
    body: boundariesBody,
  },
  {
    method: 'GET',
    path: '/datasets/{id}/boundaries',
    minRole: 'viewer',
    record: boundariesDatasetIn,
  },
  {
    method: 'DELETE',
    path: '/datasets/{id}/boundaries',
    minRole: 'planner',
    record: boundariesDatasetIn,
  },

  { method: 'GET', path: '/scenarios', minRole: 'viewer' },
  { method: 'POST', path: '/scenarios', minRole: 'planner', body: scenarioBody },
  { method: 'GET', path: '/scenarios/{id}', minRole: 'viewer', record: scenarioIn },
  {
    method: 'PUT',
    path: '/scenarios/{id}',
    minRole: 'planner',
    record: scenarioIn,
    body: async (caller) => ({ revision: 1, scenario: await scenarioBody(caller) }),
  },
  { method: 'DELETE', path: '/scenarios/{id}', minRole: 'planner', record: scenarioIn },

  {
    method: 'POST',
    path: '/scenarios/{scenarioId}/runs',
    minRole: 'planner',
    record: scenarioIn,
    body: () => ({}),
    okStatus: 202,
  },
  { method: 'GET', path: '/runs', minRole: 'viewer' },
  { method: 'GET', path: '/runs/{runId}', minRole: 'viewer', record: runIn },
  { method: 'GET', path: '/runs/{runId}/events', minRole: 'viewer', record: runIn },
  {
    method: 'POST',
    path: '/runs/{runId}/cancel',
    minRole: 'planner',
    record: runIn,
    okStatus: 200,
  },
  { method: 'GET', path: '/runs/{runId}/plan.csv', minRole: 'viewer', record: doneRunIn },
  {
    method: 'GET',
    path: '/runs/{runId}/territories.geojson',
    minRole: 'viewer',
    record: doneRunIn,
  },

  {
    method: 'POST',
    path: '/sweeps',
    minRole: 'planner',
    body: async (caller) => ({ scenarioId: await scenarioIn(caller), grid: { k: [2] } }),
    okStatus: 202,
  },
  { method: 'GET', path: '/sweeps/{id}', minRole: 'viewer', record: sweepIn },

  {
    method: 'POST',
    path: '/comparisons',
    minRole: 'viewer',
    body: async (caller) => ({ runs: await twoDoneRunsIn(caller) }),
    okStatus: 200,
  },
];

/** Paths that answer without a token, on purpose. */
const PUBLIC = ['GET /health', 'GET /openapi.json'];

let server: TestServer;
let fixture: SecurityFixture;

beforeAll(async () => {
  // A 1 MiB body limit, so an oversized body is cheap to send; the rate limit out of the way.
  server = await startTestServer({ TESSERA_MAX_BODY_MB: '1', TESSERA_RATE_LIMIT: '1000000' });
  fixture = await securityFixture(server);
});
afterAll(async () => {
  await server.close();
});

describe('every route refuses what it must', () => {
  for (const route of ROUTES) describeRouteSecurity(route, () => fixture);
});

describe('the route table', () => {
  it('holds every route of the OpenAPI document', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const tested = new Set([...ROUTES.map((r) => `${r.method} ${r.path}`), ...PUBLIC]);
    expect(documented.filter((route) => !tested.has(route))).toEqual([]);
  });
});

describe('an internal error', () => {
  it('answers with a generic message and no stack trace, over REST and tRPC', async () => {
    const { registry } = server.services;
    const list = registry.list.bind(registry);
    registry.list = () => {
      throw new Error('boom: secret detail from deep inside');
    };
    try {
      const rest = await server.api('/api/plugins');
      expect(rest.status).toBe(500);
      const body = (await rest.json()) as Record<string, unknown>;
      expectErrorShape({ status: 500, body }, 'INTERNAL');
      expect(JSON.stringify(body)).not.toContain('boom');

      const trpc = await server.api('/trpc/plugins.list');
      expect(trpc.status).toBe(500);
      const text = await trpc.text();
      expect(text).not.toContain('boom');
      expect(text).not.toMatch(/"stack"|\.ts:\d+|node_modules/);
    } finally {
      registry.list = list;
    }
    // The operator still learns what happened, from the log.
    expect(server.logged.join('\n')).toContain('boom: secret detail');
  });
});
