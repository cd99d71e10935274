import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Plan } from '../../plan/plan.js';
import { AccountTable } from '../../table/account-table.js';
import { blocksFromGeoJson } from '../blocks/blocks-from-geojson.js';
import { gridCollection } from '../blocks/grid-blocks.fixture.js';
import { usCounties } from '../blocks/us-atlas.js';
import type { PolygonRings } from './dissolve-cells.js';
import { polygonsArea, polygonsContain } from './shape-checks.fixture.js';
import { territoryShapes } from './territory-shapes.js';

/** Accounts at the given places, each in the territory of its nearest centre. */
function nearestCentrePlan(points: [number, number][], centres: [number, number][]) {
  const accounts = AccountTable.fromRows(
    points.map(([lon, lat], i) => ({ id: `a${i}`, lon, lat, workload: 1 })),
  );
  const territoryOf = Int32Array.from(points, ([x, y]) => {
    let best = 0;
    centres.forEach(([cx, cy], t) => {
      const [bx, by] = centres[best]!;
      if ((x - cx) ** 2 + (y - cy) ** 2 < (x - bx) ** 2 + (y - by) ** 2) best = t;
    });
    return best;
  });
  const territories = centres.map((_, t) => ({ id: `T${t}`, name: `T${t}`, repId: null }));
  return { accounts, plan: new Plan(territoryOf, territories) };
}

/** Each sample point lies in at most one shape. */
function overlaps(shapes: PolygonRings[][], samples: [number, number][]): number {
  let count = 0;
  for (const [x, y] of samples) {
    if (shapes.filter((s) => polygonsContain(s, x, y)).length > 1) count++;
  }
  return count;
}

// Places on a 0.001° grid, so two places are either one (closer than a metre) or far apart.
const place = (west: number, south: number, width: number, height: number) =>
  fc.tuple(
    fc.integer({ min: 0, max: width * 1000 }).map((i) => west + i / 1000),
    fc.integer({ min: 0, max: height * 1000 }).map((i) => south + i / 1000),
  );

describe('territoryShapes without blocks (Voronoi cells)', () => {
  it('tiles the accounts’ extent without overlap', () => {
    // Generated non-US data: Europe's box.
    fc.assert(
      fc.property(
        fc.array(place(-10, 36, 40, 34), { minLength: 5, maxLength: 300 }),
        fc.array(place(-10, 36, 40, 34), { minLength: 1, maxLength: 8 }),
        fc.array(place(-10, 36, 40, 34), { minLength: 50, maxLength: 50 }),
        (points, centres, samples) => {
          const { accounts, plan } = nearestCentrePlan(points, centres);
          const shapes = territoryShapes(accounts, plan);
          expect(overlaps(shapes, samples)).toBe(0);
          for (let i = 0; i < points.length; i++) {
            expect(shapes[plan.territoryOf[i]!]!.length).toBeGreaterThan(0);
          }
          const xs = points.map((p) => p[0]);
          const ys = points.map((p) => p[1]);
          const width = Math.max(...xs) - Math.min(...xs);
          const height = Math.max(...ys) - Math.min(...ys);
          const pad = Math.max(0.02 * Math.max(width, height), 0.01);
          const total = shapes.reduce((sum, s) => sum + polygonsArea(s), 0);
          // Vertices closer than the snapping grid merge: a relative error of ~1e-8 at most.
          const box = (width + 2 * pad) * (height + 2 * pad);
          expect(Math.abs(total - box) / box).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('puts every account inside its own territory’s shape', () => {
    const points: [number, number][] = [];
    for (let i = 0; i < 400; i++)
      points.push([
        -120 + (i % 20) * 2.7 + (i % 7) * 0.1,
        30 + Math.floor(i / 20) * 0.9 + (i % 5) * 0.05,
      ]);
    const { accounts, plan } = nearestCentrePlan(points, [
      [-115, 35],
      [-90, 40],
      [-75, 42],
      [-100, 32],
    ]);
    const shapes = territoryShapes(accounts, plan);
    points.forEach(([x, y], i) => {
      expect(polygonsContain(shapes[plan.territoryOf[i]!]!, x, y)).toBe(true);
    });
  });
});

describe('territoryShapes with blocks', () => {
  it('unites each territory’s blocks, blocks without accounts joining a neighbour', () => {
    const blocks = blocksFromGeoJson(gridCollection(6, 4), { idProperty: 'CODE' });
    // Accounts in the west and east columns only; the middle columns have none.
    const points: [number, number][] = [
      [5.25, 45.25],
      [5.25, 46.75],
      [7.75, 45.25],
      [7.75, 46.75],
    ];
    const { accounts, plan } = nearestCentrePlan(points, [
      [5, 46],
      [8, 46],
    ]);
    const shapes = territoryShapes(accounts, plan, { blocks });
    expect(shapes.map((s) => s.length)).toEqual([1, 1]);
    expect(polygonsArea(shapes[0]!) + polygonsArea(shapes[1]!)).toBeCloseTo(6 * 4 * 0.25, 9);
    expect(polygonsArea(shapes[0]!)).toBeCloseTo(3, 9);
    expect(
      overlaps(shapes, [
        [6.4, 45.6],
        [6.6, 46.1],
        [5.1, 46.9],
        [7.9, 45.1],
      ]),
    ).toBe(0);
  });

  it('draws US territories as unions of counties', async () => {
    const counties = await usCounties();
    const { accounts, plan } = nearestCentrePlan(
      [
        [-87.63, 41.88], // Chicago
        [-118.24, 34.05], // Los Angeles
        [-74.0, 40.71], // New York
      ],
      [
        [-87.63, 41.88],
        [-118.24, 34.05],
        [-74.0, 40.71],
      ],
    );
    const shapes = territoryShapes(accounts, plan, { blocks: counties });
    const samples: [number, number][] = [];
    for (let x = -124; x < -67; x += 1.7) for (let y = 25.5; y < 49; y += 1.3) samples.push([x, y]);
    expect(overlaps(shapes, samples)).toBe(0);
    expect(polygonsContain(shapes[0]!, -87.63, 41.88)).toBe(true);
    expect(polygonsContain(shapes[1]!, -118.24, 34.05)).toBe(true);
    expect(polygonsContain(shapes[0]!, -118.24, 34.05)).toBe(false);
    // Kansas joins someone: the mainland is covered.
    expect(shapes.some((s) => polygonsContain(s, -98, 38.5))).toBe(true);
  });
});
