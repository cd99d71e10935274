import { describe, expect, it } from 'vitest';
import { chordArcKm as arcKm, greatCircleKm, toUnitVector } from '../geo/great-circle.js';
import { unitVectors } from './sphere.js';

describe('unitVectors', () => {
  it('agrees with toUnitVector in every quadrant and marks unusable points NaN', () => {
    const lat = Float64Array.from([0, 45, -33.9, 89.99, -90, 10, Number.NaN, 91, 0]);
    const lon = Float64Array.from([0, -120, 151.2, 179.999, 0, -180, 5, 0, 181]);
    const out = unitVectors(lat, lon);
    for (let i = 0; i < 6; i++) {
      const expected = toUnitVector(lat[i]!, lon[i]!);
      for (let axis = 0; axis < 3; axis++)
        expect(out[3 * i + axis]).toBeCloseTo(expected[axis]!, 12);
    }
    for (let i = 6; i < 9; i++) expect(Number.isNaN(out[3 * i]!)).toBe(true);
  });
});

describe('arcKm', () => {
  it('gives the haversine distance', () => {
    const pairs: [number, number, number, number][] = [
      [40.71, -74, 34.05, -118.24],
      [0, 0, 0, 1],
      [51.5, -0.12, 51.5001, -0.12],
      [10, 179.9, -10, -179.9],
    ];
    for (const [a, b, c, d] of pairs) {
      const [ax, ay, az] = toUnitVector(a, b);
      const [bx, by, bz] = toUnitVector(c, d);
      expect(arcKm(ax, ay, az, bx, by, bz)).toBeCloseTo(greatCircleKm(a, b, c, d), 6);
    }
  });
});
