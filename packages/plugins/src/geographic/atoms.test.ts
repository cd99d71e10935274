import { describe, expect, it } from 'vitest';
import { allocateAtoms, concatAtoms, isLocated, normalizeAtoms, subsetAtoms } from './atoms.js';

describe('atoms', () => {
  it('start unlocated and get a position from their weighted sum', () => {
    const atoms = allocateAtoms(2);
    expect(isLocated(atoms, 0)).toBe(false);
    atoms.sx[0] = 0;
    atoms.sy[0] = 3;
    atoms.sz[0] = 4;
    normalizeAtoms(atoms);
    expect([atoms.x[0], atoms.y[0], atoms.z[0]]).toEqual([0, 0.6, 0.8]);
    expect(isLocated(atoms, 1)).toBe(false);
  });

  it('can be picked out and joined', async () => {
    const atoms = allocateAtoms(3);
    atoms.b.set([1, 2, 3]);
    atoms.lockRep.set([-1, 4, -1]);
    const picked = await subsetAtoms(atoms, Int32Array.of(2, 1));
    expect(Array.from(picked.b)).toEqual([3, 2]);
    expect(Array.from(picked.lockRep)).toEqual([-1, 4]);
    const joined = concatAtoms(picked, atoms);
    expect(Array.from(joined.b)).toEqual([3, 2, 1, 2, 3]);
    expect(concatAtoms(atoms, allocateAtoms(0))).toBe(atoms);
  });
});
