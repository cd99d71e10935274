import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random/random.js';
import { locateAccounts } from './locate-accounts.js';
import { partContains, partDistanceSquared } from './part-geometry.js';
import { stateFipsOfCounty, usCounties, usStates } from './us-atlas.js';

// [lon, lat, county FIPS, state FIPS]
const cities: [string, number, number, string, string][] = [
  ['Chicago', -87.6298, 41.8781, '17031', '17'],
  ['Los Angeles', -118.2437, 34.0522, '06037', '06'],
  ['New York (Manhattan)', -73.9857, 40.7484, '36061', '36'],
  ['Houston', -95.3698, 29.7604, '48201', '48'],
  ['Denver', -104.9903, 39.7392, '08031', '08'],
  ['Anchorage', -149.9003, 61.2181, '02020', '02'],
  ['Honolulu', -157.8583, 21.3069, '15003', '15'],
];

describe('usCounties / usStates', () => {
  it('loads once and hands back the same block set', async () => {
    const [a, b] = await Promise.all([usCounties(), usCounties()]);
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThan(3000);
    expect(a.names[a.indexOf('17031')]).toBe('Cook');
    const states = await usStates();
    expect(states.names[states.indexOf('17')]).toBe('Illinois');
  });

  it('puts known cities in their county and state', async () => {
    const counties = await usCounties();
    const states = await usStates();
    const lon = Float64Array.from(cities, (c) => c[1]);
    const lat = Float64Array.from(cities, (c) => c[2]);
    const byCounty = locateAccounts(lon, lat, counties);
    const byState = locateAccounts(lon, lat, states);
    expect(byCounty.inside).toBe(cities.length);
    cities.forEach(([name, , , county, state], i) => {
      expect([name, counties.ids[byCounty.block[i]!]]).toEqual([name, county]);
      expect([name, states.ids[byState.block[i]!]]).toEqual([name, state]);
      expect(stateFipsOfCounty(county)).toBe(state);
    });
  });

  it('knows which counties and states share a border', async () => {
    const counties = await usCounties();
    const cook = counties.indexOf('17031');
    expect(counties.areAdjacent(cook, counties.indexOf('17043'))).toBe(true); // DuPage
    expect(counties.areAdjacent(counties.indexOf('17043'), cook)).toBe(true);
    expect(counties.areAdjacent(cook, counties.indexOf('06037'))).toBe(false);
    const states = await usStates();
    const illinois = states.indexOf('17');
    expect([...states.neighborsOf(illinois)].map((s) => states.ids[s]).sort()).toEqual([
      '18', // Indiana
      '19', // Iowa
      '21', // Kentucky
      '29', // Missouri
      '55', // Wisconsin
    ]);
    expect(states.neighborsOf(states.indexOf('15'))).toHaveLength(0); // Hawaii
  });

  it('sends points in the sea or a lake to the nearest county and counts them', async () => {
    const counties = await usCounties();
    const located = locateAccounts(
      Float64Array.of(-80.05, -87.5, NaN, -87.6298),
      Float64Array.of(25.77, 41.88, 40, 41.8781),
      counties,
    );
    expect([...located.block].map((b) => (b < 0 ? null : counties.ids[b]))).toEqual([
      '12086', // Atlantic off Miami Beach → Miami-Dade
      '17031', // Lake Michigan off Chicago → Cook
      null,
      '17031',
    ]);
    expect(located).toMatchObject({ inside: 1, nearest: 2, unlocated: 1 });
  });
});

describe('locating in us-atlas counties', () => {
  it('agrees with a plain test of every polygon, inside and out', async () => {
    const counties = await usCounties();
    const flat = counties.polygons;
    const parts = flat.partBlock.length;
    const random = createRandom('us-atlas-reference');
    const count = 1500;
    const lon = Float64Array.from({ length: count }, () => -125 + random.next() * 59);
    const lat = Float64Array.from({ length: count }, () => 24 + random.next() * 26);
    const located = locateAccounts(lon, lat, counties);
    let strays = 0;
    for (let i = 0; i < count; i++) {
      const x = lon[i]!;
      const y = lat[i]!;
      let containing = -1;
      for (let part = 0; part < parts && containing < 0; part++) {
        if (partContains(flat, part, x, y)) containing = flat.partBlock[part]!;
      }
      if (containing >= 0) {
        expect(located.block[i]).toBe(containing);
        continue;
      }
      strays++;
      const scale = Math.cos((y * Math.PI) / 180);
      let best = Infinity;
      for (let part = 0; part < parts; part++) {
        best = Math.min(best, partDistanceSquared(flat, part, x, y, scale));
      }
      const chosen = located.block[i]!;
      let chosenDistance = Infinity;
      for (
        let part = flat.blockPartStart[chosen]!;
        part < flat.blockPartStart[chosen + 1]!;
        part++
      ) {
        chosenDistance = Math.min(chosenDistance, partDistanceSquared(flat, part, x, y, scale));
      }
      expect(chosenDistance).toBeCloseTo(best, 12);
    }
    expect(located.nearest).toBe(strays);
    expect(strays).toBeGreaterThan(100); // the box holds sea, Canada and Mexico
  });
});
