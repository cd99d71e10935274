import type { Random } from '@tessera/core';
import { alternate, type LevelOptions, type LevelProblem, type LevelResult } from './alternate.js';
import type { Pacer } from './pacer.js';

/**
 * Centre relocation ("random swap" for balanced k-means): the balanced rounds only ever move a
 * centre to its territory's centroid, so a start that put two centres in one metro and none in
 * another stays there. Each trial takes one free centre away, re-places it where the territories
 * are most spread (a point drawn with probability ∝ weight × squared distance to its centre, as
 * k-means++ seeds), and runs a few balanced rounds from there; the trial is kept when it ends
 * inside the bands at a shorter distance (or closer to them). Stops after `trials` trials or
 * `patience` in a row without a gain. Returns the best result,
 * and leaves its centres in `problem.centres`.
 */
export async function relocateCentres(
  problem: LevelProblem,
  start: LevelResult,
  trials: number,
  random: Random,
  options: LevelOptions,
  pacer: Pacer,
  patience: number,
): Promise<LevelResult> {
  const { atoms, k, fixed, pinnedSum } = problem;
  const n = atoms.count;
  // Centres that hold locked accounts are pulled back by them: only the rest move.
  const movable: number[] = [];
  for (let t = 0; t < k; t++) {
    const q = 3 * t;
    if (fixed[t] === 0 && pinnedSum[q] === 0 && pinnedSum[q + 1] === 0 && pinnedSum[q + 2] === 0)
      movable.push(t);
  }
  let best = start;
  if (n <= k || movable.length < 2) {
    problem.centres.set(best.centres);
    return best;
  }
  const d2 = new Float64Array(n);
  const hint = new Int32Array(n);
  let lastGain = 0;
  for (let trial = 0; trial < trials && trial - lastGain < patience; trial++) {
    await pacer.pace();
    const centres = Float64Array.from(best.centres);
    const victim = movable[random.int(movable.length)]!;
    spread(problem, best.territory, centres, d2);
    const pick = drawWeighted(d2, random);
    if (pick < 0) break;
    const q = 3 * victim;
    centres[q] = atoms.x[pick]!;
    centres[q + 1] = atoms.y[pick]!;
    centres[q + 2] = atoms.z[pick]!;
    nearestCentres(problem, centres, hint);
    const result = await alternate(
      { ...problem, centres },
      hint,
      new Float64Array(k),
      options,
      pacer,
    );
    if (improves(result, best)) {
      best = result;
      lastGain = trial;
    }
  }
  problem.centres.set(best.centres);
  return best;
}

/** Inside the bands first (a clearly smaller miss counts), then a shorter distance. */
export function improves(candidate: LevelResult, than: LevelResult): boolean {
  if (candidate.excess !== than.excess) return candidate.excess < than.excess;
  return candidate.cost < than.cost * (1 - 1e-9);
}

/** weight × squared chord to the atom's territory centre, for every atom. */
function spread(
  problem: LevelProblem,
  territory: Int32Array,
  centres: Float64Array,
  out: Float64Array,
): void {
  const { atoms } = problem;
  for (let a = 0; a < atoms.count; a++) {
    const q = 3 * territory[a]!;
    const dx = atoms.x[a]! - centres[q]!;
    const dy = atoms.y[a]! - centres[q + 1]!;
    const dz = atoms.z[a]! - centres[q + 2]!;
    out[a] = atoms.w[a]! * (dx * dx + dy * dy + dz * dz);
  }
}

/** An index drawn with probability ∝ its value; -1 when every value is 0. */
function drawWeighted(values: Float64Array, random: Random): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  if (!(total > 0)) return -1;
  let mark = random.next() * total;
  let last = -1;
  for (let i = 0; i < values.length; i++) {
    if (values[i]! <= 0) continue;
    last = i;
    mark -= values[i]!;
    if (mark < 0) return i;
  }
  return last;
}

/** Each atom's nearest centre: the walk's starting point once a centre has jumped. */
function nearestCentres(problem: LevelProblem, centres: Float64Array, out: Int32Array): void {
  const { atoms, k } = problem;
  for (let a = 0; a < atoms.count; a++) {
    const px = atoms.x[a]!;
    const py = atoms.y[a]!;
    const pz = atoms.z[a]!;
    let best = 0;
    let bestDot = Number.NEGATIVE_INFINITY;
    for (let t = 0; t < k; t++) {
      const q = 3 * t;
      if (Number.isNaN(centres[q]!)) continue;
      const dot = px * centres[q]! + py * centres[q + 1]! + pz * centres[q + 2]!;
      if (dot > bestDot) {
        bestDot = dot;
        best = t;
      }
    }
    out[a] = best;
  }
}
