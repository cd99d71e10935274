import { createRandom, toUnitVector } from '@tessera/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alternate, type LevelOptions, type LevelProblem } from './alternate.js';
import { allocateAtoms, normalizeAtoms } from './atoms.js';
import { bandAround } from './feasibility.js';
import { Pacer } from './pacer.js';
import { relocateCentres } from './relocate.js';

const pacer = new Pacer(new AbortController().signal, () => undefined);
const options: LevelOptions = {
  width: 4,
  neighbours: 4,
  maxRounds: 8,
  firstMoves: 4,
  moves: 2,
  minImprovement: 2e-4,
  patience: 2,
};

/** Weight-1, load-1 atoms at these points, k territories with equal targets. */
function problem(
  points: { lat: number; lon: number }[],
  centres: { lat: number; lon: number }[],
  tolerance: number,
): LevelProblem {
  const atoms = allocateAtoms(points.length);
  points.forEach(({ lat, lon }, i) => {
    const [x, y, z] = toUnitVector(lat, lon);
    atoms.sx[i] = x;
    atoms.sy[i] = y;
    atoms.sz[i] = z;
    atoms.w[i] = 1;
    atoms.b[i] = 1;
  });
  normalizeAtoms(atoms);
  const k = centres.length;
  const targets = new Float64Array(k).fill(points.length / k);
  return {
    atoms,
    k,
    centres: Float64Array.from(centres.flatMap(({ lat, lon }) => toUnitVector(lat, lon))),
    fixed: new Uint8Array(k),
    band: bandAround(targets, tolerance, new Float64Array(k)),
    targets,
    pinnedSum: new Float64Array(3 * k),
    pinned: allocateAtoms(0),
    pinnedTerritory: new Int32Array(0),
    costs: { ownerTerritory: null, penalty: null, jitterKm: 0 },
  };
}

/** Each atom's nearest centre, as the hint the balanced rounds start from. */
function nearestHint(p: LevelProblem): Int32Array {
  return Int32Array.from({ length: p.atoms.count }, (_, a) => {
    let best = 0;
    let bestDot = -Infinity;
    for (let t = 0; t < p.k; t++) {
      const dot =
        p.atoms.x[a]! * p.centres[3 * t]! +
        p.atoms.y[a]! * p.centres[3 * t + 1]! +
        p.atoms.z[a]! * p.centres[3 * t + 2]!;
      if (dot > bestDot) [best, bestDot] = [t, dot];
    }
    return best;
  });
}

const cluster = (lon: number): { lat: number; lon: number }[] =>
  Array.from({ length: 20 }, (_, i) => ({ lat: 0.2 * Math.sin(i), lon: lon + 0.2 * Math.cos(i) }));

describe('relocateCentres', () => {
  it('moves a centre out of a cluster holding two into the pair sharing one', async () => {
    // Three clusters, two centres in the first and one between the others: a local optimum of
    // the balanced rounds when the band is wide enough for a territory to hold two clusters.
    const p = problem(
      [...cluster(0), ...cluster(40), ...cluster(80)],
      [
        { lat: 0, lon: -0.1 },
        { lat: 0, lon: 0.1 },
        { lat: 0, lon: 60 },
      ],
      1.5,
    );
    const start = await alternate(p, nearestHint(p), new Float64Array(3), options, pacer);
    const result = await relocateCentres(p, start, 20, createRandom(1), options, pacer, 20);
    expect(result.excess).toBe(0);
    expect(result.cost).toBeLessThan(0.2 * start.cost);
    expect(new Set(result.territory).size).toBe(3);
    expect(Array.from(p.centres)).toEqual(Array.from(result.centres));
  });

  it('never ends worse than its start, and is deterministic for a seed', async () => {
    const point = fc.record({
      lat: fc.double({ min: -50, max: 60, noNaN: true }),
      lon: fc.double({ min: -130, max: 130, noNaN: true }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(point, { minLength: 6, maxLength: 60 }),
        fc.integer({ min: 2, max: 5 }),
        fc.constantFrom(0.05, 0.3),
        fc.integer(),
        async (points, k, tolerance, seed) => {
          const run = async () => {
            const p = problem(points, points.slice(0, k), tolerance);
            const start = await alternate(p, nearestHint(p), new Float64Array(k), options, pacer);
            const result = await relocateCentres(
              p,
              start,
              6,
              createRandom(seed),
              options,
              pacer,
              6,
            );
            return { start, result };
          };
          const { start, result } = await run();
          expect(result.excess).toBeLessThanOrEqual(start.excess);
          if (result.excess === start.excess) {
            expect(result.cost).toBeLessThanOrEqual(start.cost);
          }
          const again = await run();
          expect(Array.from(again.result.territory)).toEqual(Array.from(result.territory));
        },
      ),
      { numRuns: 40 },
    );
  });
});
