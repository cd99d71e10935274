import { describe, expect, it } from 'vitest';
import { createRandom } from '../random/random.js';
import { AccountTable, type AccountInput } from '../table/account-table.js';
import { weightedKMeans } from './weighted-kmeans.js';

/** Three tight groups of accounts around (40, -100), (30, -90) and (45, -70), plus one unlocated. */
function threeGroups(): AccountTable {
  const random = createRandom('groups');
  const centres = [
    [40, -100],
    [30, -90],
    [45, -70],
  ] as const;
  const rows: AccountInput[] = [];
  for (let i = 0; i < 300; i++) {
    const [lat, lon] = centres[i % 3]!;
    rows.push({
      id: `a${i}`,
      lat: lat + random.normal() * 0.2,
      lon: lon + random.normal() * 0.2,
      workload: 1 + random.next(),
    });
  }
  rows.push({ id: 'nowhere', workload: 5 });
  return AccountTable.fromRows(rows);
}

describe('weightedKMeans', () => {
  const accounts = threeGroups();

  it('finds well-separated groups', () => {
    const result = weightedKMeans(accounts, 3, { seed: 1 });
    expect(result.centroids).toHaveLength(3);
    for (let i = 3; i < 300; i++) expect(result.assignment[i]).toBe(result.assignment[i % 3]);
    expect(new Set([0, 1, 2].map((i) => result.assignment[i])).size).toBe(3);
    expect(result.assignment[300]).toBe(-1);
    // Points scatter ~0.2° (≈ 22 km per axis) around each centre.
    expect(result.meanDistanceKm).toBeGreaterThan(10);
    expect(result.meanDistanceKm).toBeLessThan(40);
  });

  it('gives the same result for the same seed, byte for byte', () => {
    const a = weightedKMeans(accounts, 7, { seed: 'x' });
    const b = weightedKMeans(accounts, 7, { seed: 'x' });
    expect(b).toEqual(a);
    expect(Buffer.from(b.assignment.buffer)).toEqual(Buffer.from(a.assignment.buffer));
  });

  it('returns fewer centres when there are fewer distinct weighted points than k', () => {
    const two = AccountTable.fromRows([
      { id: 'a', lat: 0, lon: 0, workload: 1 },
      { id: 'b', lat: 0, lon: 0, workload: 1 },
      { id: 'c', lat: 0, lon: 2, workload: 1 },
      { id: 'd', lat: 0, lon: 1, workload: 0 },
    ]);
    const result = weightedKMeans(two, 5, { seed: 0 });
    expect(result.centroids).toHaveLength(2);
    expect(result.meanDistanceKm).toBe(0);
    // The zero-weight account still gets the nearest cluster.
    expect(result.assignment[3]).toBeGreaterThanOrEqual(0);
  });

  it('weighs every account 1 when all workloads are 0, and honours given weights', () => {
    const flat = AccountTable.fromRows([
      { id: 'a', lat: 0, lon: 0 },
      { id: 'b', lat: 0, lon: 2 },
    ]);
    // One cluster, weights 1 and 1: centre at lon 1, mean distance 1° = 111.195 km.
    expect(weightedKMeans(flat, 1, { seed: 0 }).meanDistanceKm).toBeCloseTo(111.19508, 4);
    // Weights 1 and 0: the centre sits on a.
    const skewed = weightedKMeans(flat, 1, { seed: 0, weights: [1, 0] });
    expect(skewed.centroids[0]!.lon).toBeCloseTo(0, 9);
    expect(skewed.meanDistanceKm).toBe(0);
  });

  it('rejects a bad k or weights of the wrong length', () => {
    expect(() => weightedKMeans(accounts, 0, { seed: 0 })).toThrow(/clusters ≥ 1, got 0/);
    expect(() => weightedKMeans(accounts, 2, { seed: 0, weights: [1] })).toThrow(/1 weights/);
  });
});
