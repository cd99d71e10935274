import { AccountTable, planBlocks, RepTable, territoriesToGeoJSON } from '@tessera/core';
import { runScenario } from '@tessera/scenarios';
import { describe, expect, it } from 'vitest';
import {
  shapesRequest,
  slimAccounts,
  territoryShapesOf,
  transferableRequest,
} from './territory-shapes-job.ts';

// Accounts around Chicago and Indianapolis, two reps: a plan of a few counties each.
const accounts = AccountTable.fromRows(
  Array.from({ length: 40 }, (_, i) => {
    const west = i % 2 === 0;
    return {
      id: `a${String(i)}`,
      name: `Account ${String(i)}`,
      lat: (west ? 41.8 : 39.8) + ((i * 7) % 10) * 0.05,
      lon: (west ? -87.7 : -86.1) + ((i * 3) % 10) * 0.05,
      workload: 1 + (i % 5),
    };
  }),
);
const reps = RepTable.fromRows([
  { id: 'chi', name: 'Chi', lat: 41.9, lon: -87.6, capacity: 100 },
  { id: 'ind', name: 'Indy', lat: 39.8, lon: -86.2, capacity: 100 },
]);

async function runWith(params: Record<string, unknown>) {
  return runScenario(
    { accounts, reps },
    { version: 1, name: 'shapes', strategy: { id: 'geographic', params }, seed: 1 },
  );
}

describe('territoryShapesOf', () => {
  it.each([
    ['county', { units: 'county' }],
    ['Voronoi', {}],
  ])(
    "draws what core's territories.geojson holds (%s), from the request a worker receives",
    async (_, params) => {
      const run = await runWith(params);
      // What comlink sends is a structured clone of the request.
      const shapes = await territoryShapesOf(structuredClone(shapesRequest(run)));
      const blocks = await planBlocks(run.edited.accounts, run.scenario.strategy.params['units']);
      expect(shapes).toEqual(territoriesToGeoJSON(run.edited.accounts, run.plan, { blocks }));
      expect(shapes.features.length).toBe(2);
      for (const feature of shapes.features) expect(feature.geometry.type).toBe('MultiPolygon');
    },
  );

  it('draws county plans as unions of counties, not Voronoi cells', async () => {
    const run = await runWith({ units: 'county' });
    const counties = await territoryShapesOf(shapesRequest(run));
    const cells = await territoryShapesOf({ ...shapesRequest(run), units: undefined });
    expect(counties).not.toEqual(cells);
  });
});

describe('slimAccounts', () => {
  it('keeps the places and workload, as long as the table', () => {
    const run = { lon: accounts.lon, lat: accounts.lat, workload: accounts.workload };
    const slim = slimAccounts({
      ...run,
      territoryOf: new Int32Array(40),
      territories: [],
      units: null,
    });
    expect(slim.length).toBe(40);
    expect(slim.lon).toBe(accounts.lon);
    expect(slim.lat).toBe(accounts.lat);
    expect(slim.workload).toBe(accounts.workload);
    expect(Number.isNaN(slim.potential[0]!)).toBe(true);
  });
});

describe('transferableRequest', () => {
  it('copies the columns into buffers of their own, never the shared one behind them', () => {
    // Columns as the decoder gives them: views into one buffer.
    const shared = new ArrayBuffer(8 * 3 * 4 + 4 * 4);
    const column = (k: number) => new Float64Array(shared, 8 * 4 * k, 4).fill(k + 0.5);
    const request = {
      lon: column(0),
      lat: column(1),
      workload: column(2),
      territoryOf: new Int32Array(shared, 8 * 12, 4).fill(1),
      territories: [{ id: 't', name: 'T', repId: null }],
      units: 'county',
    };
    const { request: owned, transfer } = transferableRequest(request);
    expect(owned).toEqual(request);
    const columns = [owned.lon, owned.lat, owned.workload, owned.territoryOf];
    expect(transfer).toEqual(columns.map((c) => c.buffer));
    for (const c of columns) {
      expect(c.buffer).not.toBe(shared);
      expect(c.buffer.byteLength).toBe(c.byteLength);
    }
  });
});
