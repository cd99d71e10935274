import type { LevelProblem } from './alternate.js';
import { allocateCandidates, centreNeighbours, fillCandidates, slotCost } from './candidates.js';
import type { Band } from './capacitated-assign.js';
import type { Pacer } from './pacer.js';

/** Rounds of the balance repair before giving up on a territory. */
const REPAIR_ROUNDS = 12;
/** Dense pair tables for swaps up to this many territories (k² entries). */
const SWAP_TERRITORIES = 2048;

export interface PolishResult {
  repairs: number;
  moves: number;
  swaps: number;
}

/**
 * Boundary local search at fixed centres. First a repair: territories still outside their band
 * (when the prices ran out of budget, or atoms are lumpy) shed or attract the boundary atoms that
 * cost least per unit of load, to neighbours with room. Then improving moves (an atom to a
 * neighbouring territory) and swaps (two atoms across a boundary) that shorten the distance and
 * keep every territory inside its band. Each pass is O(atoms × candidates).
 */
export async function polish(
  problem: LevelProblem,
  band: Band,
  territory: Int32Array,
  load: Float64Array,
  options: { width: number; neighbours: number; passes: number },
  pacer: Pacer,
): Promise<PolishResult> {
  const { atoms, k, centres } = problem;
  const n = atoms.count;
  const result: PolishResult = { repairs: 0, moves: 0, swaps: 0 };
  if (n === 0 || k < 2) return result;
  const width = Math.min(options.width, k);
  const m = Math.min(options.neighbours, k);
  await pacer.pace();
  const cands = allocateCandidates(n, width);
  await fillCandidates(
    atoms,
    centres,
    centreNeighbours(centres, k, m),
    m,
    territory,
    problem.costs,
    cands,
    pacer,
  );
  const current = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    if ((a & 65535) === 65535) await pacer.pace();
    current[a] = costOf(a, territory[a]!);
  }

  /** The cost of atom a in territory t (its own territory is always one of its candidates). */
  function costOf(a: number, t: number): number {
    const o = a * width;
    for (let s = 0; s < width; s++) if (cands.territory[o + s] === t) return cands.cost[o + s]!;
    return slotCost(atoms, a, centres, t, problem.costs);
  }
  const move = (a: number, t: number, cost: number): void => {
    const b = atoms.b[a]!;
    load[territory[a]!]! -= b;
    load[t]! += b;
    territory[a] = t;
    current[a] = cost;
  };

  result.repairs = await repair();
  for (let pass = 0; pass < options.passes; pass++) {
    const moved = await movePass();
    const swapped = k <= SWAP_TERRITORIES ? await swapPass() : 0;
    result.moves += moved;
    result.swaps += swapped;
    if (moved + swapped === 0) break;
  }
  return result;

  /** Greedy one-hop moves, cheapest per unit of load first, until every band holds or none helps. */
  async function repair(): Promise<number> {
    let total = 0;
    for (let round = 0; round < REPAIR_ROUNDS; round++) {
      let outside = false;
      for (let t = 0; t < k; t++)
        if (load[t]! > band.hi[t]! || load[t]! < band.lo[t]!) outside = true;
      if (!outside) break;
      const options: [number, number, number, number][] = []; // [cost per load, atom, to, cost]
      for (let a = 0; a < n; a++) {
        const s = territory[a]!;
        const b = atoms.b[a]!;
        if (!(b > 0)) continue;
        const sOver = load[s]! > band.hi[s]!;
        const o = a * width;
        for (let j = 0; j < width; j++) {
          const t = cands.territory[o + j]!;
          if (t < 0 || t === s) continue;
          const tUnder = load[t]! < band.lo[t]!;
          if (!sOver && !tUnder) continue;
          options.push([(cands.cost[o + j]! - current[a]!) / b, a, t, cands.cost[o + j]!]);
        }
      }
      options.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
      let moved = 0;
      for (const [, a, t, cost] of options) {
        const s = territory[a]!;
        const b = atoms.b[a]!;
        const sOver = load[s]! > band.hi[s]!;
        const tUnder = load[t]! < band.lo[t]!;
        if (!sOver && !tUnder) continue;
        // The move must not create a new violation worse than the one it removes.
        const sAfter = load[s]! - b;
        const tAfter = load[t]! + b;
        const before = miss(s, load[s]!) + miss(t, load[t]!);
        const after = miss(s, sAfter) + miss(t, tAfter);
        if (!(after < before)) continue;
        move(a, t, cost);
        moved++;
      }
      total += moved;
      await pacer.pace();
      if (moved === 0) break;
    }
    return total;
  }

  function miss(t: number, value: number): number {
    return Math.max(0, band.lo[t]! - value, value - band.hi[t]!);
  }

  async function movePass(): Promise<number> {
    let moved = 0;
    for (let a = 0; a < n; a++) {
      const s = territory[a]!;
      const b = atoms.b[a]!;
      if (load[s]! - b < band.lo[s]!) continue;
      const o = a * width;
      let bestT = -1;
      let bestCost = current[a]! - 1e-9 * (Math.abs(current[a]!) + 1e-12);
      for (let j = 0; j < width; j++) {
        const t = cands.territory[o + j]!;
        if (t < 0 || t === s) continue;
        if (cands.cost[o + j]! < bestCost && load[t]! + b <= band.hi[t]!) {
          bestCost = cands.cost[o + j]!;
          bestT = t;
        }
      }
      if (bestT >= 0) {
        move(a, bestT, bestCost);
        moved++;
      }
      if ((a & 16383) === 16383) await pacer.pace();
    }
    return moved;
  }

  /** Pairs each atom with the best partner across each of its boundaries. */
  async function swapPass(): Promise<number> {
    // For every ordered pair (t → s): the atom of t whose move to s costs least.
    const bestDelta = new Float64Array(k * k).fill(Number.POSITIVE_INFINITY);
    const bestAtom = new Int32Array(k * k).fill(-1);
    for (let a = 0; a < n; a++) {
      if ((a & 65535) === 65535) await pacer.pace();
      const t = territory[a]!;
      const o = a * width;
      for (let j = 0; j < width; j++) {
        const s = cands.territory[o + j]!;
        if (s < 0 || s === t) continue;
        const delta = cands.cost[o + j]! - current[a]!;
        if (delta < bestDelta[t * k + s]!) {
          bestDelta[t * k + s] = delta;
          bestAtom[t * k + s] = a;
        }
      }
    }
    await pacer.pace();
    let swapped = 0;
    for (let i = 0; i < n; i++) {
      const s = territory[i]!;
      const o = i * width;
      for (let j = 0; j < width; j++) {
        const t = cands.territory[o + j]!;
        if (t < 0 || t === s) continue;
        const partner = bestAtom[t * k + s]!;
        if (partner < 0 || territory[partner] !== t) continue;
        const deltaI = cands.cost[o + j]! - current[i]!;
        const total = deltaI + bestDelta[t * k + s]!;
        if (!(total < -1e-9 * (Math.abs(current[i]!) + Math.abs(current[partner]!) + 1e-12))) {
          continue;
        }
        const bi = atoms.b[i]!;
        const bp = atoms.b[partner]!;
        const sAfter = load[s]! - bi + bp;
        const tAfter = load[t]! - bp + bi;
        if (
          sAfter > band.hi[s]! ||
          sAfter < band.lo[s]! ||
          tAfter > band.hi[t]! ||
          tAfter < band.lo[t]!
        ) {
          continue;
        }
        const partnerCost = current[partner]! + bestDelta[t * k + s]!;
        move(i, t, cands.cost[o + j]!);
        move(partner, s, partnerCost);
        bestAtom[t * k + s] = -1;
        swapped++;
        break;
      }
      if ((i & 16383) === 16383) await pacer.pace();
    }
    return swapped;
  }
}
