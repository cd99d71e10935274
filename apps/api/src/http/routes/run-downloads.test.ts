import { usCounties } from '@tessera/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  doneRun,
  followRun,
  saveScenario,
  startRun,
  TEST_STRATEGIES,
} from '../../testing/run-helpers.js';
import { seedDataset } from '../../testing/seed-dataset.js';
import { startTestServer, type TestServer } from '../../testing/test-server.js';
import { addToken, addWorkspace } from '../../testing/workspace-tokens.js';

let server: TestServer;
let datasetId: string;
let runId: string;

// Accounts the scenario adds, named like spreadsheet formulas: the CSV must not let them run.
const FORMULA_IDS = ['=HYPERLINK("http://x.test")', '+SUM(1)', '-2+3', '@cmd', '\tTAB'];

beforeAll(async () => {
  server = await startTestServer({}, { plugins: [TEST_STRATEGIES] });
  datasetId = await seedDataset(server, { accounts: 200, reps: 5 });
  runId = await doneRun(server, datasetId, {
    name: 'edited',
    edits: [
      { type: 'remove-accounts', accounts: { ids: ['A0000001', 'A0000002'] } },
      {
        type: 'add-accounts',
        accounts: FORMULA_IDS.map((id, i) => ({ id, lat: 40 + i / 10, lon: -100, workload: 1 })),
      },
    ],
  });
});
afterAll(async () => {
  await server.close();
});

describe('run downloads', () => {
  it("serves the plan over the scenario's edited accounts as CSV, formulas neutralised", async () => {
    const response = await server.api(`/api/runs/${runId}/plan.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="plan-${runId}.csv"`,
    );
    const lines = (await response.text()).trimEnd().split('\n');
    expect(lines[0]).toBe('account_id,territory_id,rep_id');
    const ids = lines.slice(1).map((line) => /^("(?:[^"]|"")*"|[^,]*)/.exec(line)![1]!);
    expect(ids).toHaveLength(200 - 2 + FORMULA_IDS.length);
    expect(ids).not.toContain('A0000001');
    expect(ids).toContain('A0000003');
    // Each added id comes back with a leading quote (and CSV quoting where it has a quote).
    expect(ids).toEqual(
      expect.arrayContaining([
        `"'=HYPERLINK(""http://x.test"")"`,
        "'+SUM(1)",
        "'-2+3",
        "'@cmd",
        "'\tTAB",
      ]),
    );
    for (const line of lines.slice(1)) expect(line).toMatch(/,T-R\d{3},R\d{3}$/);
  });

  it("serves the territories as GeoJSON, one feature per territory with the run's accounts", async () => {
    const response = await server.api(`/api/runs/${runId}/territories.geojson`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/geo+json');
    const collection = (await response.json()) as {
      type: string;
      features: { geometry: { type: string }; properties: { repId: string; accounts: number } }[];
    };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(5);
    const accounts = collection.features.reduce((sum, f) => sum + f.properties.accounts, 0);
    expect(accounts).toBe(200 - 2 + FORMULA_IDS.length);
    expect(collection.features.every((f) => f.geometry.type === 'MultiPolygon')).toBe(true);
  });

  it('draws a plan of US counties as unions of the counties themselves', async () => {
    const countyRun = await doneRun(server, datasetId, {
      name: 'counties',
      strategy: { id: 'geographic', params: { units: 'county' } },
    });
    const response = await server.api(`/api/runs/${countyRun}/territories.geojson`);
    expect(response.status).toBe(200);
    const collection = (await response.json()) as {
      features: { geometry: { coordinates: [number, number][][][] } }[];
    };
    expect(collection.features).toHaveLength(5);
    // Every vertex of every shape is a vertex of a county (Voronoi cells would make new ones).
    const counties = new Set(
      (await usCounties())
        .toGeoJSON()
        .features.flatMap((f) => f.geometry.coordinates.flat(2).map((p) => `${p[0]},${p[1]}`)),
    );
    const vertices = collection.features.flatMap((f) => f.geometry.coordinates.flat(2));
    expect(vertices.length).toBeGreaterThan(100);
    expect(vertices.filter((p) => !counties.has(`${p[0]},${p[1]}`))).toEqual([]);
  });

  it('answers 409 while a run is not done, with the error shape', async () => {
    const scenarioId = await saveScenario(server, datasetId, {
      name: 'doomed',
      strategy: { id: 'test-fails' },
    });
    const failed = await startRun(server, scenarioId);
    await followRun(server, failed);
    for (const file of ['plan.csv', 'territories.geojson']) {
      const response = await server.api(`/api/runs/${failed}/${file}`);
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({
        code: 'CONFLICT',
        message: `run "${failed}" is failed: only a done run has a plan`,
        requestId: expect.any(String) as unknown,
      });
    }
  });

  it('answers 401 without a token, 404 for another workspace or no such run; a viewer may read', async () => {
    const other = await addWorkspace(server);
    const viewer = await addToken(server, 'viewer');
    for (const file of ['plan.csv', 'territories.geojson']) {
      const path = `${server.url}/api/runs/${runId}/${file}`;
      expect((await fetch(path)).status).toBe(401);
      const theirs = await fetch(path, { headers: { authorization: `Bearer ${other.token}` } });
      expect(theirs.status).toBe(404);
      expect(((await theirs.json()) as { message: string }).message).toBe(
        `run "${runId}" not found`,
      );
      expect((await server.api(`/api/runs/run_nothing/${file}`)).status).toBe(404);
      const read = await fetch(path, { headers: { authorization: `Bearer ${viewer}` } });
      expect(read.status).toBe(200);
      await read.body?.cancel();
    }
  });

  it('documents both downloads in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, { get?: { responses: Record<string, { content?: object }> } }>;
    };
    expect(
      Object.keys(doc.paths['/runs/{runId}/plan.csv']!.get!.responses['200']!.content!),
    ).toEqual(['text/csv']);
    expect(
      Object.keys(doc.paths['/runs/{runId}/territories.geojson']!.get!.responses['200']!.content!),
    ).toEqual(['application/geo+json']);
  });
});
