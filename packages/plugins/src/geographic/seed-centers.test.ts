import { createRandom, toUnitVector } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { allocateAtoms, normalizeAtoms } from './atoms.js';
import { Pacer } from './pacer.js';
import { seedCentres } from './seed-centers.js';

const pacer = new Pacer(new AbortController().signal, () => undefined);

function points(list: [number, number][]) {
  const set = allocateAtoms(list.length);
  list.forEach(([lat, lon], i) => {
    const [x, y, z] = toUnitVector(lat, lon);
    set.sx[i] = x;
    set.sy[i] = y;
    set.sz[i] = z;
    set.w[i] = 1;
  });
  normalizeAtoms(set);
  return set;
}

const twoGroups = points([
  [0, 0],
  [0, 1],
  [1, 0],
  [30, 60],
  [30, 61],
  [31, 60],
]);

describe('seedCentres', () => {
  it('puts one centre in each well-separated group', async () => {
    const { nearest } = await seedCentres(
      twoGroups,
      new Float64Array(6).fill(NaN),
      2,
      createRandom(1),
      pacer,
    );
    expect(nearest[0]).toBe(nearest[1]);
    expect(nearest[0]).toBe(nearest[2]);
    expect(nearest[3]).toBe(nearest[5]);
    expect(nearest[0]).not.toBe(nearest[3]);
  });

  it('is deterministic for a seed and never moves a fixed centre', async () => {
    const fixed = new Float64Array(9).fill(NaN);
    fixed.set(toUnitVector(-20, -20), 3);
    const a = await seedCentres(twoGroups, fixed, 3, createRandom('s'), pacer);
    const b = await seedCentres(twoGroups, fixed, 3, createRandom('s'), pacer);
    expect(Array.from(a.centres)).toEqual(Array.from(b.centres));
    expect(Array.from(a.centres.subarray(3, 6))).toEqual(toUnitVector(-20, -20));
  });

  it('copes with more centres than distinct points and with no points', async () => {
    const one = points([
      [5, 5],
      [5, 5],
    ]);
    const { centres } = await seedCentres(
      one,
      new Float64Array(12).fill(NaN),
      4,
      createRandom(1),
      pacer,
    );
    expect(centres.every((v) => Number.isFinite(v))).toBe(true);
    const none = await seedCentres(
      allocateAtoms(0),
      new Float64Array(3).fill(NaN),
      1,
      createRandom(1),
      pacer,
    );
    expect(none.nearest.length).toBe(0);
  });
});
