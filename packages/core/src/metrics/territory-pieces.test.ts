import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksFromGeoJson } from '../geo/blocks/blocks-from-geojson.js';
import { gridCollection, square } from '../geo/blocks/grid-blocks.fixture.js';
import { locateAccounts } from '../geo/blocks/locate-accounts.js';
import { usStates } from '../geo/blocks/us-atlas.js';
import { PiecesGraph, territoryPieces } from './territory-pieces.js';

describe('territoryPieces without blocks', () => {
  it('counts one piece for a territory whose places form one region', () => {
    // Two bands: west of x = 5 territory 0, east territory 1.
    const lon: number[] = [];
    const lat: number[] = [];
    const territoryOf: number[] = [];
    for (let i = 0; i < 10; i++) {
      for (let j = 0; j < 10; j++) {
        lon.push(i + 0.01 * j);
        lat.push(j + 0.013 * i);
        territoryOf.push(i < 5 ? 0 : 1);
      }
    }
    const { pieces, required } = territoryPieces(lon, lat, territoryOf, 3);
    expect(Array.from(pieces)).toEqual([1, 1, 0]);
    expect(Array.from(required)).toEqual([1, 1, 0]);
  });

  it('counts an exclave: a place of territory 0 inside territory 1', () => {
    const lon = [0, 0, 1, 2, 2, 1, 1];
    const lat = [0, 2, 0, 0, 2, 2, 1.01];
    const territoryOf = [0, 0, 1, 1, 1, 1, 0];
    // Territory 0: two western places and one in the middle of territory 1's ring.
    const { pieces } = territoryPieces(lon, lat, territoryOf, 2);
    expect(pieces[0]).toBeGreaterThanOrEqual(1);
    expect(pieces[1]).toBeGreaterThanOrEqual(1);
    const alone = territoryPieces([0, 5, 10], [0, 0, 0], [0, 1, 0], 2);
    expect(Array.from(alone.pieces)).toEqual([2, 1]); // collinear: joined along the line only
  });

  it('never counts more pieces than places, nor fewer than one per territory with places', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.nat(3)),
          { minLength: 1, maxLength: 120 },
        ),
        (rows) => {
          const lon = rows.map((r) => r[0] / 10);
          const lat = rows.map((r) => r[1] / 10);
          const territoryOf = rows.map((r) => r[2]);
          const { pieces } = territoryPieces(lon, lat, territoryOf, 4);
          for (let t = 0; t < 4; t++) {
            const places = new Set(rows.filter((r) => r[2] === t).map((r) => `${r[0]},${r[1]}`));
            expect(pieces[t]).toBeLessThanOrEqual(places.size);
            if (places.size > 0) expect(pieces[t]).toBeGreaterThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe('territoryPieces with blocks', () => {
  const grid = blocksFromGeoJson(gridCollection(4, 1), { idProperty: 'CODE' });
  const lon = [5.25, 5.75, 6.25, 6.75];
  const lat = [45.25, 45.25, 45.25, 45.25];
  const blockOfAccount = locateAccounts(lon, lat, grid).block;

  it('counts blocks joined by borders', () => {
    expect(
      Array.from(
        territoryPieces(lon, lat, [0, 0, 1, 1], 2, { blocks: grid, blockOfAccount }).pieces,
      ),
    ).toEqual([1, 1]);
    const split = territoryPieces(lon, lat, [0, 1, 0, 1], 2, { blocks: grid, blockOfAccount });
    expect(Array.from(split.pieces)).toEqual([2, 2]);
    expect(Array.from(split.required)).toEqual([1, 1]);
  });

  it('requires one piece per landmass the territory reaches', () => {
    const islands = blocksFromGeoJson(
      {
        type: 'FeatureCollection',
        features: [square(0, 0, 1), square(5, 0, 1)].map((ring, i) => ({
          type: 'Feature',
          properties: { CODE: `island${i}` },
          geometry: { type: 'Polygon', coordinates: [ring] },
        })),
      },
      { idProperty: 'CODE' },
    );
    const result = territoryPieces([0.5, 5.5], [0.5, 0.5], [0, 0], 1, {
      blocks: islands,
      blockOfAccount: Int32Array.from([0, 1]),
    });
    expect(result.pieces[0]).toBe(2);
    expect(result.required[0]).toBe(2);
  });

  it('sees Hawaii as a landmass of its own among US states', async () => {
    const states = await usStates();
    const lon = [-87.6, -157.8]; // Chicago, Honolulu
    const lat = [41.9, 21.3];
    const blockOfAccount = locateAccounts(lon, lat, states).block;
    const result = territoryPieces(lon, lat, [0, 0], 1, { blocks: states, blockOfAccount });
    expect(result.required[0]).toBeGreaterThanOrEqual(2);
    expect(result.pieces[0]).toBe(result.required[0]);
  });
});

describe('PiecesGraph', () => {
  it('counts any plan of the same table as territoryPieces does, without triangulating again', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 })), {
          minLength: 2,
          maxLength: 150,
        }),
        fc.array(fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 150, maxLength: 150 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (places, plans) => {
          const lon = places.map((p) => p[0] / 10);
          const lat = places.map((p) => p[1] / 10);
          const graph = PiecesGraph.ofPlaces(lon, lat);
          for (const plan of plans) {
            const territoryOf = plan.slice(0, places.length);
            const once = territoryPieces(lon, lat, territoryOf, 4);
            const reused = graph.count(territoryOf, 4);
            expect(Array.from(reused.pieces)).toEqual(Array.from(once.pieces));
            expect(Array.from(reused.required)).toEqual(Array.from(once.required));
          }
        },
      ),
    );
  });
});
