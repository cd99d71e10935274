import { describe, expect, it } from 'vitest';
import { Plan } from '../../plan/plan.js';
import { AccountTable } from '../../table/account-table.js';
import { polygonsContain } from '../../geo/shapes/shape-checks.fixture.js';
import { accountsToGeoJSON } from './accounts-geojson.js';
import { territoriesToGeoJSON } from './territories-geojson.js';

const accounts = AccountTable.fromRows([
  { id: 'a', lat: 0, lon: 0, workload: 1 },
  { id: 'b', lat: 0, lon: 1, workload: 2 },
  { id: 'c', lat: 1, lon: 0, workload: 3 },
  { id: 'd', lat: 0.2, lon: 0.2, workload: 4 },
  { id: 'e', lat: 10, lon: 10, workload: 5 },
  { id: 'f', workload: 6 }, // no coordinates
]);
const plan = new Plan(Int32Array.from([0, 0, 0, 0, 1, 2]), [
  { id: 'T1', name: 'South', repId: 'r1' },
  { id: 'T2', name: 'North', repId: 'r2' },
  { id: 'T3', name: 'Nowhere', repId: null },
]);

describe('territoriesToGeoJSON', () => {
  const collection = territoriesToGeoJSON(accounts, plan);

  it('gives each territory a shape with its figures', () => {
    const south = collection.features[0]!;
    expect(south.properties).toEqual({
      id: 'T1',
      name: 'South',
      repId: 'r1',
      accounts: 4,
      workload: 10,
    });
    expect(south.geometry.type).toBe('MultiPolygon');
    expect(polygonsContain(south.geometry.coordinates, 0.2, 0.2)).toBe(true);
    expect(polygonsContain(south.geometry.coordinates, 10, 10)).toBe(false);
  });

  it('tiles the map: the territories meet without overlap', () => {
    const north = collection.features[1]!.geometry.coordinates;
    expect(polygonsContain(north, 10, 10)).toBe(true);
    expect(polygonsContain(north, 0.2, 0.2)).toBe(false);
  });

  it('skips territories with nothing located', () => {
    expect(collection.features.map((f) => f.id)).toEqual(['T1', 'T2']);
  });
});

describe('accountsToGeoJSON', () => {
  it('emits located accounts with their territory and rep', () => {
    const collection = accountsToGeoJSON(accounts, plan);
    expect(collection.features).toHaveLength(5);
    expect(collection.features[4]!.properties).toMatchObject({
      id: 'e',
      territoryId: 'T2',
      repId: 'r2',
      workload: 5,
    });
  });

  it('works without a plan', () => {
    expect(accountsToGeoJSON(accounts).features[0]!.properties.territoryId).toBeNull();
  });
});
