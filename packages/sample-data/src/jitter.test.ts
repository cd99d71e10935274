import { createRandom, greatCircleKm } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { jitterInDisk, placeRadiusKm } from './jitter.js';

describe('location jitter', () => {
  it('spreads a place by population^0.4, from 1 km to 30 km', () => {
    expect(placeRadiusKm(1000)).toBe(1);
    expect(placeRadiusKm(100)).toBe(1);
    expect(placeRadiusKm(100_000)).toBeCloseTo(Math.pow(100, 0.4), 10);
    expect(placeRadiusKm(20_000_000)).toBe(30);
  });

  it('stays within the radius, also far north', () => {
    const random = createRandom('jitter');
    const out = new Float64Array(2);
    for (const [lat, lon] of [
      [40.7, -74],
      [64.8, -147.7],
    ] as const) {
      for (let i = 0; i < 1000; i++) {
        jitterInDisk(lat, lon, 10, random, out);
        expect(greatCircleKm(lat, lon, out[0]!, out[1]!)).toBeLessThanOrEqual(10.05);
      }
    }
  });
});
