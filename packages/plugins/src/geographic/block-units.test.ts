import {
  AccountTable,
  blocksFromGeoJson,
  computeMetrics,
  locateAccounts,
  RepTable,
  runStrategy,
  usCounties,
  type BlockSet,
} from '@tessera/core';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import { describe, expect, it } from 'vitest';
import { geographic } from './index.js';

const places = loadUsPlaces();

describe('geographic with building blocks', () => {
  it('keeps US counties whole and, with contiguous, each territory in one piece', async () => {
    const { accounts, reps } = generateSample({
      accounts: 4000,
      reps: 12,
      seed: 'counties',
      places,
    });
    const locks = new Uint8Array(accounts.length); // a lock is stronger than contiguity
    const result = await runStrategy(
      geographic,
      { accounts, reps, locks, seed: 3 },
      { units: 'county', contiguous: true, tolerance: 0.05 },
    );
    expect(result.infeasible).toBeUndefined();
    const counties = await usCounties();
    const blockOfAccount = locateAccounts(accounts.lon, accounts.lat, counties).block;
    const territoryOfBlock = new Map<number, number>();
    for (let i = 0; i < accounts.length; i++) {
      const b = blockOfAccount[i]!;
      const t = result.plan.territoryOf[i]!;
      expect(territoryOfBlock.get(b) ?? t).toBe(t);
      territoryOfBlock.set(b, t);
    }
    const metrics = computeMetrics(accounts, reps, result.plan, {
      blocks: { set: counties, blockOfAccount },
    });
    expect(metrics.balance.workload.maxDeviation).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(metrics.contiguity).toEqual({ territoriesInPieces: 0, extraPieces: 0 });
  });

  it('uses the dataset’s own boundaries (a non-US grid) when units is blocks or unset', async () => {
    const blocks = gridBlocks(8, 6);
    const rows = [];
    for (let i = 0; i < 480; i++) {
      rows.push({
        id: `a${i}`,
        lon: 5 + (i % 24) / 6 + 0.05,
        lat: 45 + Math.floor(i / 24) / 6.67 + 0.05,
        workload: 1 + (i % 3),
      });
    }
    const accounts = AccountTable.fromRows(rows);
    const reps = RepTable.fromRows([0, 1, 2, 3].map((r) => ({ id: `r${r}`, capacity: 1 })));
    for (const units of [undefined, 'blocks']) {
      const result = await runStrategy(
        geographic,
        { accounts, reps, blocks, seed: 1 },
        { ...(units ? { units } : {}), contiguous: true, tolerance: 0.1 },
      );
      const blockOfAccount = locateAccounts(accounts.lon, accounts.lat, blocks).block;
      const metrics = computeMetrics(accounts, reps, result.plan, {
        blocks: { set: blocks, blockOfAccount },
      });
      expect(metrics.contiguity.extraPieces).toBe(0);
      expect(metrics.balance.workload.maxDeviation).toBeLessThanOrEqual(0.1 + 1e-9);
    }
  });

  it('says what is missing: contiguous without blocks, blocks without a boundaries file', async () => {
    const accounts = AccountTable.fromRows([{ id: 'a', lat: 1, lon: 1, workload: 1 }]);
    const reps = RepTable.fromRows([{ id: 'r', capacity: 1 }]);
    await expect(runStrategy(geographic, { accounts, reps }, { contiguous: true })).rejects.toThrow(
      /"contiguous" needs building blocks/,
    );
    await expect(runStrategy(geographic, { accounts, reps }, { units: 'blocks' })).rejects.toThrow(
      /no boundaries file/,
    );
  });

  it('reports the islands a territory keeps, as the geography’s own pieces', async () => {
    const islands = blocksFromGeoJson(
      {
        type: 'FeatureCollection',
        features: [0, 5].map((x, i) => ({
          type: 'Feature',
          properties: { ID: `island${i}` },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [x, 0],
                [x + 1, 0],
                [x + 1, 1],
                [x, 1],
                [x, 0],
              ],
            ],
          },
        })),
      },
      { idProperty: 'ID' },
    );
    const accounts = AccountTable.fromRows([
      { id: 'west', lat: 0.5, lon: 0.5, workload: 1 },
      { id: 'east', lat: 0.5, lon: 5.5, workload: 1 },
    ]);
    const reps = RepTable.fromRows([{ id: 'solo', capacity: 1 }]);
    const result = await runStrategy(
      geographic,
      { accounts, reps, blocks: islands },
      { contiguous: true },
    );
    expect(result.infeasible).toBeUndefined();
    expect(result.warnings).toContain(
      '1 territory reaches several landmasses of the geography (islands) and keeps one piece on each: rep "solo" on 2',
    );
  });

  it('counts accounts outside every county in a warning', async () => {
    const accounts = AccountTable.fromRows([
      { id: 'chicago', lat: 41.88, lon: -87.63, workload: 1 },
      { id: 'offshore', lat: 25.0, lon: -79.9, workload: 1 },
    ]);
    const reps = RepTable.fromRows([{ id: 'r', capacity: 1 }]);
    const result = await runStrategy(geographic, { accounts, reps }, { units: 'county' });
    expect(result.warnings).toContain(
      '1 account lies outside every block of US counties and went to the nearest block',
    );
  });
});

function gridBlocks(columns: number, rows: number): BlockSet {
  const features = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const [x, y] = [5 + column * 0.5, 45 + row * 0.5];
      features.push({
        type: 'Feature',
        properties: { NUTS_ID: `N${column}${row}` },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + 0.5, y],
              [x + 0.5, y + 0.5],
              [x, y + 0.5],
              [x, y],
            ],
          ],
        },
      });
    }
  }
  return blocksFromGeoJson({ type: 'FeatureCollection', features }, { idProperty: 'NUTS_ID' });
}
