import { describe, expect, it } from 'vitest';
import { territoryAdjacency } from './territory-adjacency.ts';
import type { MapAccounts } from './types.ts';

function accounts(points: [lon: number, lat: number, territory: number][]): MapAccounts {
  return {
    count: points.length,
    lon: Float64Array.from(points, (p) => p[0]),
    lat: Float64Array.from(points, (p) => p[1]),
    territory: Int32Array.from(points, (p) => p[2]),
  };
}

const neighbours = (contacts: Map<number, number>): number[] => [...contacts.keys()].sort();

describe('territoryAdjacency', () => {
  // A 10 × 10 degree box cut into 10 × 10 cells of one degree.
  const box = [0, 0, 10, 10] as [number, number, number, number];

  it('joins territories whose accounts share or touch a cell, not those further apart', () => {
    const data = accounts([
      [0.5, 0.5, 0], // cell (0, 0)
      [1.5, 0.5, 1], // cell (1, 0): touches 0 on a side
      [2.5, 1.5, 2], // cell (2, 1): touches 1 at a corner, two cells from 0
      [8.5, 8.5, 3], // far away
      [8.6, 8.6, 4], // same cell as 3
    ]);
    const { contacts } = territoryAdjacency(data, 5, box, { maxCells: 100 });
    expect(neighbours(contacts[0]!)).toEqual([1]);
    expect(neighbours(contacts[1]!)).toEqual([0, 2]);
    expect(neighbours(contacts[2]!)).toEqual([1]);
    expect(neighbours(contacts[3]!)).toEqual([4]);
    expect(neighbours(contacts[4]!)).toEqual([3]);
  });

  it('counts contacts, so a long shared border weighs more than a corner', () => {
    // Territory 0 fills column 0, territory 1 column 1 (10 cells each, side by side),
    // territory 2 only touches 1 at one corner.
    const points: [number, number, number][] = [];
    for (let y = 0; y < 10; y++) {
      points.push([0.5, y + 0.5, 0], [1.5, y + 0.5, 1]);
    }
    points.push([2.5, 10.5, 2]);
    const { contacts } = territoryAdjacency(accounts(points), 3, [0, 0, 10, 11], {
      maxCells: 110,
    });
    expect(contacts[0]!.get(1)).toBeGreaterThan(contacts[1]!.get(2)!);
    expect(contacts[1]!.get(2)).toBe(1);
  });

  it('skips unassigned and unlocated accounts and territories past the list', () => {
    const data = accounts([
      [0.5, 0.5, 0],
      [0.5, 0.5, -1],
      [Number.NaN, 0.5, 1],
      [0.6, 0.6, 7],
    ]);
    const { contacts, size } = territoryAdjacency(data, 2, box, { maxCells: 100 });
    expect(size).toBe(2);
    expect(contacts[0]!.size).toBe(0);
    expect(contacts[1]!.size).toBe(0);
  });

  it('has no edges without bounds or with one territory', () => {
    const data = accounts([[0.5, 0.5, 0]]);
    expect(territoryAdjacency(data, 1, box).contacts[0]!.size).toBe(0);
    expect(territoryAdjacency(data, 2, null).contacts.every((c) => c.size === 0)).toBe(true);
  });

  it('is symmetric', () => {
    const points: [number, number, number][] = [];
    for (let i = 0; i < 500; i++) {
      points.push([(i * 7.3) % 10, (i * 3.1) % 10, i % 9]);
    }
    const { contacts } = territoryAdjacency(accounts(points), 9, box, { maxCells: 400 });
    contacts.forEach((around, a) => {
      for (const [b, weight] of around) expect(contacts[b]!.get(a)).toBe(weight);
    });
  });
});
