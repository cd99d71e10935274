import { AccountTable } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from './area-schema.js';
import { withinMask } from './area-mask.js';

const triangle: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [0, 10],
      [0, 0],
    ],
  ],
};

const accounts = AccountTable.fromRows([
  { id: 'inside', lon: 2, lat: 2 },
  { id: 'in the box, outside the triangle', lon: 8, lat: 8 },
  { id: 'on the hypotenuse', lon: 5, lat: 5 },
  { id: 'a vertex', lon: 10, lat: 0 },
  { id: 'far', lon: 50, lat: 2 },
  { id: 'no location' },
  { id: 'no latitude', lon: 2 },
]);

describe('withinMask', () => {
  it('tests the polygon itself, not its box; edges and vertices count as inside', () => {
    expect([...withinMask(accounts, triangle)]).toEqual([1, 0, 1, 1, 0, 0, 0]);
  });

  it('skips rows outside the scope', () => {
    const scope = Uint8Array.of(0, 1, 1, 0, 1, 1, 1);
    expect([...withinMask(accounts, triangle, scope)]).toEqual([0, 0, 1, 0, 0, 0, 0]);
  });

  it('matches nothing for an empty MultiPolygon', () => {
    expect([...withinMask(accounts, { type: 'MultiPolygon', coordinates: [] })]).toEqual([
      0, 0, 0, 0, 0, 0, 0,
    ]);
  });
});
