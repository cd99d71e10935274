import { describe, expect, it } from 'vitest';
import { GeoIndex } from './spatial-index.js';

describe('GeoIndex', () => {
  // New York, Chicago, Los Angeles, and a second office in Chicago.
  const lat = [40.71, 41.88, 34.05, 41.88, Number.NaN];
  const lon = [-74.01, -87.63, -118.24, -87.63, 0];
  const index = new GeoIndex(lat, lon);

  it('finds the nearest point on the sphere and skips points without coordinates', () => {
    expect(index.size).toBe(4);
    expect(index.nearest(40.0, -75.0)).toBe(0); // Philadelphia → New York
    expect(index.nearest(36.17, -115.14)).toBe(2); // Las Vegas → Los Angeles
  });

  it('breaks ties by the lower index', () => {
    expect(index.nearest(42.0, -88.0)).toBe(1);
  });

  it('lists the k nearest, nearest first', () => {
    expect(index.nearestK(40.0, -75.0, 3)).toEqual([0, 1, 3]);
  });

  it('answers -1 when it holds no point', () => {
    expect(new GeoIndex([Number.NaN], [Number.NaN]).nearest(0, 0)).toBe(-1);
  });
});
