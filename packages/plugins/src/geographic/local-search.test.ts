import { toUnitVector } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import type { LevelProblem } from './alternate.js';
import { allocateAtoms, normalizeAtoms } from './atoms.js';
import { bandAround } from './feasibility.js';
import { polish } from './local-search.js';
import { Pacer } from './pacer.js';

const pacer = new Pacer(new AbortController().signal, () => undefined);
const options = { width: 2, neighbours: 2, passes: 3 };

/** Atoms on the equator at these longitudes, weight 1, and two centres at 0° and 10°. */
function problem(lons: number[], targets: number[], tolerance: number): LevelProblem {
  const atoms = allocateAtoms(lons.length);
  lons.forEach((lon, i) => {
    const [x, y, z] = toUnitVector(0, lon);
    atoms.sx[i] = x;
    atoms.sy[i] = y;
    atoms.sz[i] = z;
    atoms.w[i] = 1;
    atoms.b[i] = 1;
  });
  normalizeAtoms(atoms);
  const t = Float64Array.from(targets);
  return {
    atoms,
    k: 2,
    centres: Float64Array.of(...toUnitVector(0, 0), ...toUnitVector(0, 10)),
    fixed: new Uint8Array(2),
    band: bandAround(t, tolerance, new Float64Array(2)),
    targets: t,
    pinnedSum: new Float64Array(6),
    pinned: allocateAtoms(0),
    pinnedTerritory: new Int32Array(0),
    costs: { ownerTerritory: null, penalty: null, jitterKm: 0 },
  };
}

describe('polish', () => {
  it('moves boundary atoms to their nearer centre while the bands allow', async () => {
    const p = problem([1, 2, 9, 8, 7, 6], [3, 3], 0.5);
    const territory = Int32Array.of(1, 1, 0, 0, 0, 0);
    const load = Float64Array.of(4, 2);
    const result = await polish(p, p.band, territory, load, options, pacer);
    expect(Array.from(territory)).toEqual([0, 0, 1, 1, 1, 1]);
    expect(Array.from(load)).toEqual([2, 4]);
    expect(result.moves + 2 * result.swaps).toBeGreaterThan(0);
  });

  it('repairs a territory left outside its band, cheapest move first', async () => {
    const p = problem([1, 2, 3, 4, 9], [2.5, 2.5], 0);
    const territory = Int32Array.of(0, 0, 0, 0, 1);
    const load = Float64Array.of(4, 1);
    const result = await polish(
      p,
      { ...p.band, lo: Float64Array.of(2, 2), hi: Float64Array.of(3, 3) },
      territory,
      load,
      options,
      pacer,
    );
    expect(result.repairs).toBe(1);
    expect(Array.from(territory)).toEqual([0, 0, 0, 1, 1]);
  });
});
