import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followRun, jsonRequest, readRun, saveScenario, startRun } from '../testing/run-helpers.js';
import { seedDataset } from '../testing/seed-dataset.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { jitteredTiling, type Tiling } from '../testing/tiling.js';
import { addToken } from '../testing/workspace-tokens.js';

let server: TestServer;
let datasetId: string;
let tiling: Tiling;

beforeAll(async () => {
  server = await startTestServer();
  datasetId = await seedDataset(server, { accounts: 400, reps: 6 });
  // Regions over the seeded accounts (US places, Alaska and Hawaii too), a degree of margin.
  const dataset = (await (await server.api(`/api/datasets/${datasetId}`)).json()) as {
    bounds: [number, number, number, number];
  };
  const [west, south, east, north] = dataset.bounds;
  tiling = jitteredTiling([west - 1, south - 1, east + 1, north + 1], 12, 8, 7);
});
afterAll(async () => {
  await server.close();
});

const put = (id: string, body: unknown, token?: string) =>
  server.api(`/api/datasets/${id}/boundaries`, jsonRequest('PUT', body, token));

/** Runs a scenario on the dataset to its end; the finished run. */
async function run(scenario: Record<string, unknown>) {
  const runId = await startRun(server, await saveScenario(server, datasetId, scenario));
  return { runId, run: (await followRun(server, runId)).run };
}

describe('a dataset’s boundaries file', () => {
  it('is stored, validated as runs read it, and read back as a summary', async () => {
    const response = await put(datasetId, { geojson: tiling, idProperty: 'NUTS_ID' });
    expect(response.status, await response.clone().text()).toBe(200);
    const stored = (await response.json()) as Record<string, unknown>;
    expect(stored).toMatchObject({
      id: datasetId,
      blocks: 96,
      idProperty: 'NUTS_ID',
      nameProperty: null,
    });
    expect(stored.bytes).toBe(JSON.stringify(tiling).length);
    const read = await server.api(`/api/datasets/${datasetId}/boundaries`);
    expect(await read.json()).toEqual(stored);
  });

  it('makes geographic runs build whole territories of its regions, drawn as their unions', async () => {
    const { runId, run: done } = await run({
      name: 'regions',
      strategy: { id: 'geographic', params: { units: 'blocks', contiguous: true } },
    });
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    const metrics = (await readRun(server, runId)).metrics as unknown as {
      contiguity: { extraPieces: number };
    };
    expect(metrics.contiguity.extraPieces).toBe(0);

    const response = await server.api(`/api/runs/${runId}/territories.geojson`);
    expect(response.status).toBe(200);
    const shapes = (await response.json()) as {
      features: { geometry: { type: 'MultiPolygon'; coordinates: number[][][][] } }[];
    };
    expect(shapes.features.length).toBeGreaterThan(1);
    // Unions of the uploaded regions: every vertex drawn is one of theirs (no Voronoi cell's).
    const key = ([lon, lat]: number[]) => `${lon!.toFixed(9)},${lat!.toFixed(9)}`;
    const uploaded = new Set(
      tiling.features.flatMap((f) => f.geometry.coordinates.flat().map(key)),
    );
    const drawn = shapes.features.flatMap((f) => f.geometry.coordinates.flat(2).map(key));
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.filter((vertex) => !uploaded.has(vertex))).toEqual([]);
  });

  it('is used when the strategy names no units, as in-process runs do', async () => {
    // `contiguous` without blocks fails: done means the run had the dataset's.
    const { run: done } = await run({
      name: 'default units',
      strategy: { id: 'geographic', params: { contiguous: true } },
    });
    expect(done.status, JSON.stringify(done.error)).toBe('done');
  });

  it("reaches a sweep's points too", async () => {
    const scenarioId = await saveScenario(server, datasetId, {
      name: 'swept regions',
      strategy: { id: 'geographic', params: { units: 'blocks', contiguous: true } },
    });
    const created = await server.api(
      '/api/sweeps',
      jsonRequest('POST', { scenarioId, grid: { tolerance: [0.05, 0.2] } }),
    );
    expect(created.status, await created.clone().text()).toBe(202);
    const { id } = (await created.json()) as { id: string };
    for (;;) {
      const sweep = (await (await server.api(`/api/sweeps/${id}`)).json()) as {
        status: string;
        failed: number;
        rows: { error: unknown }[];
      };
      if (sweep.status === 'done' || sweep.status === 'failed') {
        expect(sweep.rows.map((row) => row.error)).toEqual([null, null]);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  it('refuses a broken file with 422 naming the feature, and keeps the stored one', async () => {
    const broken = structuredClone(tiling);
    const ring = broken.features[5]!.geometry.coordinates[0]!;
    ring[ring.length - 1] = [ring[0]![0] + 0.5, ring[0]![1]]; // the ring no longer closes
    const response = await put(datasetId, { geojson: broken, idProperty: 'NUTS_ID' });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { code: string; message: string; details: unknown };
    expect(body.code).toBe('INVALID');
    expect(body.message).toContain('feature 5 (id "R0-5")');
    expect(body.details).toEqual({ code: 'BLOCKS_GEOMETRY' });

    const noId = await put(datasetId, { geojson: tiling, idProperty: 'NUTS_CODE' });
    expect(noId.status).toBe(422);
    expect(((await noId.json()) as { message: string }).message).toContain(
      'feature 0 has no "NUTS_CODE" property; did you mean "NUTS_ID"?',
    );

    const read = await server.api(`/api/datasets/${datasetId}/boundaries`);
    expect(((await read.json()) as { blocks: number }).blocks).toBe(96);
  });

  it('may be sent by planners only', async () => {
    const viewer = await addToken(server, 'viewer');
    const response = await put(datasetId, { geojson: tiling, idProperty: 'NUTS_ID' }, viewer);
    expect(response.status).toBe(403);
    const read = await server.api(`/api/datasets/${datasetId}/boundaries`, {
      headers: { authorization: `Bearer ${viewer}` },
    });
    expect(read.status).toBe(200);
  });

  it('is removed by DELETE: runs on blocks then fail with the strategy’s reason', async () => {
    const deleted = await server.api(`/api/datasets/${datasetId}/boundaries`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ id: datasetId, deleted: true });
    const read = await server.api(`/api/datasets/${datasetId}/boundaries`);
    expect(read.status).toBe(404);
    const again = await server.api(`/api/datasets/${datasetId}/boundaries`, { method: 'DELETE' });
    expect(again.status).toBe(404);

    const { run: failed } = await run({
      name: 'no blocks',
      strategy: { id: 'geographic', params: { units: 'blocks', contiguous: true } },
    });
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toContain('"blocks" but the dataset has no boundaries file');
  });
});
