import { AccountTable, computeMetrics, Plan, RepTable, toUnitVector } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { allocateAtoms, normalizeAtoms } from './atoms.js';
import { distanceCost, updateCentres } from './center-update.js';

const rows: [number, number, number][] = [
  [10, 10, 1],
  [12, 11, 3],
  [40, -70, 2],
  [41, -72, 2],
];

function atoms() {
  const set = allocateAtoms(rows.length);
  rows.forEach(([lat, lon, w], i) => {
    const [x, y, z] = toUnitVector(lat, lon);
    set.sx[i] = w * x;
    set.sy[i] = w * y;
    set.sz[i] = w * z;
    set.w[i] = w;
  });
  normalizeAtoms(set);
  return set;
}

describe('updateCentres', () => {
  it('moves each free centre to its centroid, the distance core measures from', () => {
    const set = atoms();
    const territoryOf = Int32Array.of(0, 0, 1, 1);
    const centres = new Float64Array(6);
    updateCentres(set, territoryOf, new Float64Array(6), new Uint8Array(2), centres);
    const accounts = AccountTable.fromRows(
      rows.map(([lat, lon, workload], i) => ({ id: `a${i}`, lat, lon, workload })),
    );
    const plan = new Plan(territoryOf, [
      { id: 'A', name: 'A', repId: null },
      { id: 'B', name: 'B', repId: null },
    ]);
    const metrics = computeMetrics(accounts, RepTable.fromRows([]), plan, { kmeans: false });
    expect(distanceCost(set, territoryOf, centres) / 8).toBeCloseTo(
      metrics.compactness.meanDistanceKm,
      6,
    );
  });

  it('counts locked accounts, keeps fixed and empty centres where they are', () => {
    const set = atoms();
    const home = toUnitVector(0, 0);
    const centres = Float64Array.of(...home, ...home, ...home);
    const pinned = new Float64Array(9);
    pinned.set(toUnitVector(0, 90), 3);
    const shift = updateCentres(
      set,
      Int32Array.of(0, 0, 1, 1),
      pinned,
      Uint8Array.of(1, 0, 0),
      centres,
    );
    expect(Array.from(centres.subarray(0, 3))).toEqual(home);
    expect(Array.from(centres.subarray(6, 9))).toEqual(home);
    expect(shift).toBeGreaterThan(0.5);
  });
});
