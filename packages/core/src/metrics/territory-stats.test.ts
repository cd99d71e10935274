import { describe, expect, it } from 'vitest';
import { AccountTable } from '../table/account-table.js';
import { accountVectors } from './account-vectors.js';
import { territoryCentroids, territorySums } from './territory-stats.js';

describe('territorySums', () => {
  const accounts = AccountTable.fromRows([
    { id: 'a', lat: 0, lon: 0, workload: 1, potential: 10, revenue: 5 },
    { id: 'b', lat: 0, lon: 90, workload: 3, revenue: 7 },
    { id: 'c', workload: 2, potential: 4 },
    { id: 'd', lat: 0, lon: 10 },
    { id: 'e', lat: 0, lon: 20, workload: 0 },
  ]);
  const vectors = accountVectors(accounts);

  it('sums each territory, missing values as 0', () => {
    const sums = territorySums(accounts, vectors, Int32Array.from([0, 0, 0, -1, 1]), 2);
    expect([...sums.accounts]).toEqual([3, 1]);
    expect([...sums.workload]).toEqual([6, 0]);
    expect([...sums.potential]).toEqual([14, 0]);
    expect([...sums.revenue]).toEqual([12, 0]);
    expect([...sums.located]).toEqual([2, 1]);
    expect(sums.unassigned).toBe(1);
  });

  it('places the centroid at the workload-weighted mean direction', () => {
    // Weights 1 at (0°, 0°) and 3 at (0°, 90°): the vector sum (1, 3, 0) points to lon atan(3).
    // Territory 1 holds only a zero-workload account, so it weighs 1: centroid on that account.
    const sums = territorySums(accounts, vectors, Int32Array.from([0, 0, 0, -1, 1]), 3);
    const centroids = territoryCentroids(sums);
    expect(Math.atan2(centroids[1]!, centroids[0]!)).toBeCloseTo(Math.atan(3), 12);
    expect(centroids[2]).toBeCloseTo(0, 12);
    expect((Math.atan2(centroids[4]!, centroids[3]!) * 180) / Math.PI).toBeCloseTo(20, 10);
    expect(Number.isNaN(centroids[6]!)).toBe(true);
  });

  it('rejects a territory index the plan does not have', () => {
    expect(() => territorySums(accounts, vectors, Int32Array.from([0, 0, 0, 0, 5]), 2)).toThrow(
      /account "e" is in territory #5/,
    );
  });
});
