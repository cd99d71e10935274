import { toUnitVector } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { allocateAtoms, normalizeAtoms, type AtomSet } from './atoms.js';
import {
  allocateCandidates,
  arcKm,
  bridgeCandidates,
  centreNeighbours,
  ensureReach,
  fillCandidates,
  type CandidateCosts,
} from './candidates.js';
import { Pacer } from './pacer.js';

const pacer = new Pacer(new AbortController().signal, () => undefined);
const plain: CandidateCosts = { ownerTerritory: null, penalty: null, jitterKm: 0 };

function atomsAt(points: [number, number][]): AtomSet {
  const atoms = allocateAtoms(points.length);
  points.forEach(([lat, lon], i) => {
    const [x, y, z] = toUnitVector(lat, lon);
    atoms.sx[i] = x;
    atoms.sy[i] = y;
    atoms.sz[i] = z;
    atoms.w[i] = 1;
    atoms.b[i] = 1;
  });
  normalizeAtoms(atoms);
  return atoms;
}

function centresAt(points: [number, number][]): Float64Array {
  return Float64Array.from(points.flatMap(([lat, lon]) => toUnitVector(lat, lon)));
}

/** Centres on a line of longitudes 0, 1, 2, … along the equator. */
const line = (k: number) =>
  centresAt(Array.from({ length: k }, (_, t): [number, number] => [0, t]));

describe('centreNeighbours', () => {
  it('lists each centre first, then the others nearest first, ties to the lower index', () => {
    const centres = centresAt([
      [0, 0],
      [0, 2],
      [0, 1],
      [0, 1],
    ]);
    const nb = centreNeighbours(centres, 4, 3);
    expect(Array.from(nb.subarray(0, 3))).toEqual([0, 2, 3]);
    expect(Array.from(nb.subarray(3, 6))).toEqual([1, 2, 3]);
    expect(Array.from(nb.subarray(6, 9))).toEqual([2, 3, 0]);
  });

  it('pads with -1 and skips centres without a position', () => {
    const centres = Float64Array.of(...toUnitVector(0, 0), NaN, NaN, NaN);
    expect(Array.from(centreNeighbours(centres, 2, 2))).toEqual([0, -1, -1, -1]);
  });
});

describe('fillCandidates', () => {
  it('finds each atom its nearest centres by walking from any hint', async () => {
    const k = 40;
    const centres = line(k);
    const atoms = atomsAt([
      [0.1, 30.2],
      [0, 0.4],
      [0.2, 17.6],
    ]);
    const m = 6;
    const cands = allocateCandidates(atoms.count, 3);
    await fillCandidates(
      atoms,
      centres,
      centreNeighbours(centres, k, m),
      m,
      Int32Array.of(0, 39, 5),
      plain,
      cands,
      pacer,
    );
    // Hints are kept as candidates (the last slot), the rest are the nearest.
    expect(Array.from(cands.territory)).toEqual([30, 31, 0, 0, 1, 39, 18, 17, 5]);
    expect(cands.cost[0]).toBeCloseTo(
      arcKm(atoms.x[0]!, atoms.y[0]!, atoms.z[0]!, centres[90]!, centres[91]!, centres[92]!),
      9,
    );
  });

  it('adds the owner territory and charges the continuity penalty elsewhere', async () => {
    const centres = line(5);
    const atoms = atomsAt([[0, 0]]);
    const cands = allocateCandidates(1, 2);
    const costs: CandidateCosts = {
      ownerTerritory: Int32Array.of(4),
      penalty: Float64Array.of(1000),
      jitterKm: 0,
    };
    await fillCandidates(
      atoms,
      centres,
      centreNeighbours(centres, 5, 5),
      5,
      Int32Array.of(0),
      costs,
      cands,
      pacer,
    );
    expect(Array.from(cands.territory)).toEqual([0, 4]);
    expect(cands.cost[0]).toBeCloseTo(1000, 9);
    expect(cands.cost[1]).toBeCloseTo(4 * 111.195, 2);
  });
});

describe('ensureReach', () => {
  it('lets the atoms nearest a starving territory join it', () => {
    // Territory 2 sits far away: no atom lists it, so it could never fill its band.
    const centres = centresAt([
      [0, 0],
      [0, 1],
      [0, 10],
    ]);
    const atoms = atomsAt([
      [0, 0],
      [0, 0.2],
      [0, 0.8],
      [0, 1.2],
    ]);
    const cands = allocateCandidates(4, 2);
    cands.territory.set([0, 1, 0, 1, 1, 0, 1, 0]);
    const added = ensureReach(
      atoms,
      centres,
      centreNeighbours(centres, 3, 3),
      3,
      Int32Array.of(0, 0, 1, 1),
      Float64Array.of(1, 1, 1),
      new Float64Array(3),
      plain,
      cands,
    );
    expect(added).toBe(2);
    // The two atoms nearest territory 2 (the eastern ones) list it instead of their farther option.
    expect(Array.from(cands.territory)).toEqual([0, 1, 0, 1, 1, 2, 1, 2]);
  });
});

describe('bridgeCandidates', () => {
  it('lets atoms across the border of a sealed group see into it', () => {
    const centres = line(4);
    const atoms = atomsAt([
      [0, 0],
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
    const cands = allocateCandidates(4, 2);
    cands.territory.set([0, 1, 1, 0, 2, 3, 3, 2]);
    // Territories 0 and 1 are under their bands and no outside atom lists them.
    const group = Uint8Array.of(1, 1, 0, 0);
    const added = bridgeCandidates(
      atoms,
      centres,
      Int32Array.of(0, 1, 2, 3),
      group,
      false,
      1,
      plain,
      cands,
    );
    expect(added).toBe(1);
    expect(Array.from(cands.territory.subarray(4, 6))).toEqual([2, 1]);
  });
});
