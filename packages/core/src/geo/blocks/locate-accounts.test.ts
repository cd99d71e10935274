import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockSet } from './block-set.js';
import { blocksFromGeoJson } from './blocks-from-geojson.js';
import { gridCollection, square } from './grid-blocks.fixture.js';
import { locateAccounts } from './locate-accounts.js';
import { partContains, partDistanceSquared } from './part-geometry.js';

const grid = (columns: number, rows: number): BlockSet =>
  blocksFromGeoJson(gridCollection(columns, rows, 5, 45, 0.5), { idProperty: 'CODE' });

describe('locateAccounts', () => {
  it('puts a point inside a cell of any grid in that cell', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: 0.01, max: 0.99, noNaN: true })), {
          minLength: 1,
          maxLength: 50,
        }),
        (columns, rows, picks) => {
          const blocks = grid(columns, rows);
          const cells = picks.map(([c, r]) => [c % columns, r % rows] as const);
          const lon = Float64Array.from(cells, ([c], i) => 5 + (c + picks[i]![2]) * 0.5);
          const lat = Float64Array.from(cells, ([, r], i) => 45 + (r + 1 - picks[i]![2]) * 0.5);
          const located = locateAccounts(lon, lat, blocks);
          expect(located.inside).toBe(picks.length);
          cells.forEach(([c, r], i) => {
            expect(blocks.ids[located.block[i]!]).toBe(`c${c}r${r}`);
          });
        },
      ),
    );
  });

  it('gives every finite point a valid block and counts every account once', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(fc.double({ min: -200, max: 200 }), fc.constant(Number.NaN)),
            fc.double({ min: -100, max: 100 }),
          ),
          { maxLength: 100 },
        ),
        (points) => {
          const blocks = grid(3, 2);
          const located = locateAccounts(
            Float64Array.from(points, (p) => p[0]),
            Float64Array.from(points, (p) => p[1]),
            blocks,
          );
          expect(located.inside + located.nearest + located.unlocated).toBe(points.length);
          points.forEach(([x, y], i) => {
            const b = located.block[i]!;
            if (Number.isFinite(x) && Number.isFinite(y)) {
              expect(b).toBeGreaterThanOrEqual(0);
              expect(b).toBeLessThan(blocks.length);
            } else {
              expect(b).toBe(-1);
            }
          });
        },
      ),
    );
  });

  it('respects holes: a point in a hole belongs to the block filling it', () => {
    const blocks = new BlockSet({
      ids: ['ring', 'lake-island'],
      polygons: [[[square(0, 0, 4), square(1, 1, 2)]], [[square(1, 1, 2)]]],
    });
    const located = locateAccounts(
      Float64Array.of(2, 0.5, 3.5),
      Float64Array.of(2, 0.5, 2),
      blocks,
    );
    expect([...located.block]).toEqual([1, 0, 0]);
    expect(blocks.areAdjacent(0, 1)).toBe(true);
  });

  it('sends a point outside every block to the nearest one and counts it', () => {
    const blocks = grid(3, 1); // lon 5–6.5, lat 45–45.5
    const located = locateAccounts(
      Float64Array.of(6.4, 4.9, 6.6, 5.7, NaN, 5.2),
      Float64Array.of(45.6, 45.2, 45.25, 44, 45, NaN),
      blocks,
    );
    expect([...located.block].map((b) => blocks.ids[b] ?? null)).toEqual([
      'c2r0',
      'c0r0',
      'c2r0',
      'c1r0',
      null,
      null,
    ]);
    expect(located).toMatchObject({ inside: 0, nearest: 4, unlocated: 2 });
  });

  it('finds the truly nearest block among scattered ones (checked against all of them)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.array(
          fc.tuple(
            fc.double({ min: -20, max: 60, noNaN: true }),
            fc.double({ min: -20, max: 60, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        (corners, points) => {
          const unique = [...new Set(corners.map(([x, y]) => `${x},${y}`))].map((key) =>
            key.split(',').map(Number),
          );
          // Unit squares on a grid of 2 apart never overlap or touch.
          const blocks = new BlockSet({
            ids: unique.map((_, i) => `b${i}`),
            polygons: unique.map(([x, y]) => [[square(2 * x!, 2 * y!, 1)]]),
          });
          const located = locateAccounts(
            Float64Array.from(points, (p) => p[0]),
            Float64Array.from(points, (p) => p[1]),
            blocks,
          );
          points.forEach(([x, y], i) => {
            const scale = Math.cos((y * Math.PI) / 180);
            const distances = Array.from({ length: blocks.length }, (_, b) =>
              partDistanceSquared(blocks.polygons, b, x, y, scale),
            );
            const chosen = located.block[i]!;
            if (partContains(blocks.polygons, chosen, x, y)) return;
            expect(distances[chosen]).toBeCloseTo(Math.min(...distances), 9);
          });
        },
      ),
    );
  });

  it('leaves everything unlocated when there are no blocks', () => {
    const empty = new BlockSet({ ids: [], polygons: [] });
    expect(locateAccounts(Float64Array.of(1), Float64Array.of(2), empty)).toMatchObject({
      unlocated: 1,
      nearest: 0,
    });
  });
});
