import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import countiesTopology from 'us-atlas/counties-10m.json';
import {
  countyBordersFrom,
  loadBasemap,
  unwrapAntimeridian,
  type CountiesTopology,
} from './basemap.ts';
import { binaryPaths } from './county-borders.ts';

const rings = (coordinates: Position[][] | Position[][][]): Position[][] =>
  (coordinates as unknown[]).flatMap((c) =>
    Array.isArray((c as Position[][])[0]?.[0]) ? (c as Position[][]) : [c as Position[]],
  );

describe('basemap', () => {
  it('has the states, their borders, the coast and the land around', async () => {
    const basemap = await loadBasemap();
    expect(basemap.states.features.length).toBe(56); // 50 states, DC and 5 territories
    expect(basemap.stateBorders.features[0]!.geometry.coordinates.length).toBeGreaterThan(50);
    expect(basemap.coast.features[0]!.geometry.coordinates.length).toBeGreaterThan(10);
    const names = basemap.otherLand.features.map((f) => f.properties?.name as string);
    expect(names).toContain('Canada');
    expect(names).toContain('Mexico');
    expect(names).not.toContain('United States of America');
    expect(names).not.toContain('Antarctica');
  });

  it('draws no ring across the whole map', async () => {
    const { otherLand } = await loadBasemap();
    for (const f of otherLand.features) {
      for (const ring of rings(f.geometry.coordinates)) {
        for (let i = 1; i < ring.length; i++) {
          expect(Math.abs(ring[i]![0]! - ring[i - 1]![0]!)).toBeLessThan(180);
        }
      }
    }
  });

  it('has the borders between counties of one state, as binary paths', () => {
    const borders = countyBordersFrom(countiesTopology as unknown as CountiesTopology);
    expect(borders.coordinates.length).toBeGreaterThan(1000);
    const paths = binaryPaths(borders);
    expect(paths.length).toBe(borders.coordinates.length);
    const vertices = borders.coordinates.reduce((n, line) => n + line.length, 0);
    expect(paths.positions.length).toBe(vertices * 2);
    // Lines follow one another: the second starts where the first one's vertices end.
    expect(paths.startIndices[1]).toBe(borders.coordinates[0]!.length);
    expect(paths.positions[0]).toBeCloseTo(borders.coordinates[0]![0]![0]!, 4);
  });
});

describe('unwrapAntimeridian', () => {
  it('shifts the western half of a ring that crosses 180°', () => {
    const fixed = unwrapAntimeridian({
      type: 'Polygon',
      coordinates: [
        [
          [179, 60],
          [-179, 60],
          [-179, 62],
          [179, 62],
          [179, 60],
        ],
      ],
    });
    expect(fixed.coordinates[0]!.map((p) => p[0])).toEqual([179, 181, 181, 179, 179]);
  });

  it('leaves other rings alone', () => {
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    };
    expect(unwrapAntimeridian(square)).toEqual(square);
  });
});
