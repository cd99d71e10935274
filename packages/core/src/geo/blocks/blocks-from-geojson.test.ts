import fc from 'fast-check';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { TesseraError } from '../../errors/tessera-error.js';
import { blocksFromGeoJson } from './blocks-from-geojson.js';
import { gridCollection, square } from './grid-blocks.fixture.js';

function collectionOf(...geometries: unknown[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: geometries.map(
      (geometry, i) => ({ type: 'Feature', properties: { NUTS_ID: `N${i}` }, geometry }) as Feature,
    ),
  };
}

function problem(collection: unknown, idProperty = 'NUTS_ID'): string {
  try {
    blocksFromGeoJson(collection, { idProperty, source: 'nuts.geojson' });
  } catch (error) {
    expect(error).toBeInstanceOf(TesseraError);
    return (error as TesseraError).message;
  }
  throw new Error('expected the import to fail');
}

const ok = { type: 'Polygon', coordinates: [square(0, 0, 1)] };

describe('blocksFromGeoJson', () => {
  it('reads ids and names, in feature order', () => {
    const blocks = blocksFromGeoJson(gridCollection(3, 2), {
      idProperty: 'CODE',
      nameProperty: 'CODE',
    });
    expect(blocks.ids).toEqual(['c0r0', 'c1r0', 'c2r0', 'c0r1', 'c1r1', 'c2r1']);
    expect(blocks.names[4]).toBe('c1r1');
    expect(blocks.indexOf('c2r1')).toBe(5);
    expect(blocks.geometry(0).coordinates).toEqual([[square(5, 45, 0.5)]]);
  });

  it('makes blocks sharing an edge neighbours, and not those meeting at a corner', () => {
    const blocks = blocksFromGeoJson(gridCollection(3, 2), { idProperty: 'CODE' });
    const named = (id: string): string[] =>
      [...blocks.neighborsOf(blocks.indexOf(id))].map((b) => blocks.ids[b]!);
    expect(named('c0r0')).toEqual(['c1r0', 'c0r1']);
    expect(named('c1r1')).toEqual(['c1r0', 'c0r1', 'c2r1']);
  });

  it('finds a border shared with extra vertices on one side', () => {
    // The right block's left edge has a vertex at its middle that the left block lacks.
    const right = [
      [1, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 0.5],
      [1, 0],
    ];
    const blocks = blocksFromGeoJson(collectionOf(ok, { type: 'Polygon', coordinates: [right] }), {
      idProperty: 'NUTS_ID',
    });
    expect([...blocks.neighborsOf(0)]).toEqual([1]);
  });

  it('makes adjacency symmetric on any grid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), (c, r) => {
        const blocks = blocksFromGeoJson(gridCollection(c, r), { idProperty: 'CODE' });
        let pairs = 0;
        for (let a = 0; a < blocks.length; a++) {
          for (const b of blocks.neighborsOf(a)) {
            expect(blocks.areAdjacent(b, a)).toBe(true);
            pairs++;
          }
        }
        // A grid has (c − 1)·r + c·(r − 1) shared edges, each seen from both sides.
        expect(pairs).toBe(2 * ((c - 1) * r + c * (r - 1)));
      }),
    );
  });

  it('names the feature and the problem for bad input', () => {
    expect(problem({ type: 'Feature' })).toBe('nuts.geojson is not a GeoJSON FeatureCollection');
    expect(problem(gridCollection(2, 1), 'NUTS_ID')).toBe(
      'nuts.geojson feature 0 has no "NUTS_ID" property',
    );
    expect(problem(gridCollection(2, 1), 'CODES')).toBe(
      'nuts.geojson feature 0 has no "CODES" property; did you mean "CODE"?',
    );
    const twice = gridCollection(2, 1);
    twice.features[1]!.properties.CODE = 'c0r0';
    expect(problem(twice, 'CODE')).toBe(
      `nuts.geojson feature 1 (id "c0r0"): the id is also feature 0's`,
    );
    expect(problem(collectionOf(ok, { type: 'Point', coordinates: [0, 0] }))).toBe(
      'nuts.geojson feature 1 (id "N1"): geometry is a Point, not a Polygon or MultiPolygon',
    );
    expect(problem(collectionOf(ok, null))).toBe(
      'nuts.geojson feature 1 (id "N1"): geometry is missing',
    );
    expect(() => blocksFromGeoJson(gridCollection(1, 1))).toThrow(
      'boundaries feature 0 has no id (name the property holding it)',
    );
    const open = square(0, 0, 1).slice(0, 4);
    open.push([0, 0.5]);
    expect(problem(collectionOf({ type: 'Polygon', coordinates: [open] }))).toBe(
      'nuts.geojson feature 0 (id "N0"): geometry ring 0 (outer) is not closed: it starts at [0, 0] and ends at [0, 0.5]',
    );
    expect(
      problem(
        collectionOf({
          type: 'MultiPolygon',
          coordinates: [
            [square(0, 0, 1)],
            [
              square(5, 5, 4),
              [
                [6, 6],
                [7, 6],
                [6, 6],
              ],
            ],
          ],
        }),
      ),
    ).toBe(
      'nuts.geojson feature 0 (id "N0"): geometry polygon 1 ring 1 has 3 positions; a closed ring needs at least 4',
    );
    expect(
      problem(
        collectionOf({
          type: 'Polygon',
          coordinates: [
            [
              [500000, 4000000],
              [500100, 4000000],
              [500100, 4000100],
              [500000, 4000000],
            ],
          ],
        }),
      ),
    ).toBe(
      'nuts.geojson feature 0 (id "N0"): geometry ring 0 (outer) position 0 [500000, 4000000] is off the globe (lon −180…180, lat −90…90: projected coordinates?)',
    );
    const bowTie = [
      [0, 0],
      [2, 2],
      [2, 0],
      [0, 2],
      [0, 0],
    ];
    expect(problem(collectionOf(ok, ok, { type: 'Polygon', coordinates: [bowTie] }))).toBe(
      'nuts.geojson feature 2 (id "N2"): geometry ring 0 (outer) crosses itself near [1, 1] (segments from positions 0 and 2)',
    );
  });
});
