import { createRandom } from '@tessera/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candidates } from './candidates.js';
import {
  allocateState,
  balanceByPaths,
  improveByPaths,
  settleAll,
  tightenPrices,
  type Band,
  type PriceState,
} from './capacitated-assign.js';
import { Pacer } from './pacer.js';

const pacer = new Pacer(new AbortController().signal, () => undefined);

/** Every atom lists every territory; cost[a][t] given. */
function fullCandidates(cost: number[][]): Candidates {
  const k = cost[0]!.length;
  return {
    width: k,
    territory: Int32Array.from({ length: cost.length * k }, (_, e) => e % k),
    cost: Float64Array.from(cost.flat()),
  };
}

function band(lo: number[], hi: number[]): Band {
  return {
    lo: Float64Array.from(lo),
    hi: Float64Array.from(hi),
    pinned: new Float64Array(lo.length),
  };
}

function totalCost(cands: Candidates, state: PriceState): number {
  let sum = 0;
  for (let a = 0; a < state.territory.length; a++)
    sum += cands.cost[a * cands.width + state.slot[a]!]!;
  return sum;
}

/** The cheapest assignment of unit atoms with exactly `sizes[t]` atoms in territory t. */
function bruteForce(cost: number[][], sizes: number[]): number {
  const n = cost.length;
  const k = sizes.length;
  let best = Infinity;
  const used = new Array<number>(k).fill(0);
  const walk = (a: number, sum: number): void => {
    if (sum >= best) return;
    if (a === n) {
      best = sum;
      return;
    }
    for (let t = 0; t < k; t++) {
      if (used[t]! >= sizes[t]!) continue;
      used[t]!++;
      walk(a + 1, sum + cost[a]![t]!);
      used[t]!--;
    }
  };
  walk(0, 0);
  return best;
}

async function solve(cost: number[][], b: number[], lo: number[], hi: number[]) {
  const cands = fullCandidates(cost);
  const k = lo.length;
  const state = allocateState(cost.length, k);
  const bands = band(lo, hi);
  const loads = Float64Array.from(b);
  settleAll(loads, cands, bands, state, cost.length);
  const run = await balanceByPaths(loads, cands, bands, state, 10_000, pacer);
  return { cands, state, run };
}

describe('balanceByPaths', () => {
  it('finds the cheapest balanced assignment of equal atoms', async () => {
    const random = createRandom('ssp');
    for (let trial = 0; trial < 20; trial++) {
      const n = 9;
      const k = 3;
      const cost = Array.from({ length: n }, () =>
        Array.from({ length: k }, () => Math.round(random.next() * 100)),
      );
      const { cands, state, run } = await solve(
        cost,
        new Array<number>(n).fill(1),
        [3, 3, 3],
        [3, 3, 3],
      );
      expect(run.balanced).toBe(true);
      expect(Array.from(state.load)).toEqual([3, 3, 3]);
      expect(totalCost(cands, state)).toBe(bruteForce(cost, [3, 3, 3]));
    }
  });

  it('leaves every atom on its cheapest candidate at the final prices', async () => {
    const random = createRandom('cs');
    const n = 30;
    const k = 4;
    const cost = Array.from({ length: n }, () =>
      Array.from({ length: k }, () => random.next() * 50),
    );
    const b = Array.from({ length: n }, () => 1 + Math.floor(random.next() * 3));
    const total = b.reduce((s, x) => s + x, 0);
    const { cands, state } = await solve(
      cost,
      b,
      new Array<number>(k).fill(total / k - 3),
      new Array<number>(k).fill(total / k + 3),
    );
    for (let a = 0; a < n; a++) {
      const here = cost[a]![state.territory[a]!]! + b[a]! * state.price[state.territory[a]!]!;
      for (let t = 0; t < k; t++) {
        expect(cost[a]![t]! + b[a]! * state.price[t]!).toBeGreaterThanOrEqual(here - 1e-9);
      }
    }
    for (let t = 0; t < k; t++) {
      expect(state.load[t]).toBeGreaterThanOrEqual(total / k - 3);
      expect(state.load[t]).toBeLessThanOrEqual(total / k + 3);
    }
    expect(cands.width).toBe(k);
  });

  it('reports a group it cannot open instead of looping', async () => {
    // Territory 1 needs 2 atoms but no atom lists it.
    const cands: Candidates = {
      width: 1,
      territory: Int32Array.of(0, 0, 0),
      cost: Float64Array.of(1, 1, 1),
    };
    const state = allocateState(3, 2);
    const bands = band([1, 2], [1, 2]);
    const loads = Float64Array.of(1, 1, 1);
    settleAll(loads, cands, bands, state, 3);
    const run = await balanceByPaths(loads, cands, bands, state, 100, pacer);
    expect(run.balanced).toBe(false);
    expect(run.sealedHigh && Array.from(run.sealedHigh)).toEqual([1, 0]);
    expect(run.sealedLow && Array.from(run.sealedLow)).toEqual([0, 1]);
  });
});

describe('tightenPrices', () => {
  it('moves prices towards 0 without changing any atom’s cheapest candidate', async () => {
    const random = createRandom('tighten');
    const n = 40;
    const k = 5;
    const cost = Array.from({ length: n }, () =>
      Array.from({ length: k }, () => random.next() * 80),
    );
    const b = new Array<number>(n).fill(1);
    const { cands, state } = await solve(
      cost,
      b,
      new Array<number>(k).fill(7),
      new Array<number>(k).fill(9),
    );
    const before = Array.from(state.territory);
    const size = (p: Float64Array) => p.reduce((s, x) => s + Math.abs(x), 0);
    const priceBefore = size(state.price);
    tightenPrices(Float64Array.from(b), cands, state, k);
    expect(size(state.price)).toBeLessThanOrEqual(priceBefore + 1e-9);
    const again = allocateState(n, k, state.price);
    settleAll(
      Float64Array.from(b),
      cands,
      band(new Array<number>(k).fill(7), new Array<number>(k).fill(9)),
      again,
      n,
    );
    expect(Array.from(again.territory)).toEqual(before);
  });
});

describe('improveByPaths', () => {
  /** The cheapest assignment of unit atoms over every split of the atoms inside the bands. */
  function optimumInBands(cost: number[][], lo: number[], hi: number[]): number {
    const n = cost.length;
    let best = Infinity;
    const sizes = new Array<number>(lo.length).fill(0);
    const split = (t: number, left: number): void => {
      if (t === lo.length - 1) {
        if (left < lo[t]! || left > hi[t]!) return;
        sizes[t] = left;
        best = Math.min(best, bruteForce(cost, sizes));
        return;
      }
      for (let size = Math.ceil(lo[t]!); size <= Math.min(hi[t]!, left); size++) {
        sizes[t] = size;
        split(t + 1, left - size);
      }
    };
    split(0, n);
    return best;
  }

  it('reaches the optimum inside the bands (unit atoms, every territory listed)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 4, max: 8 }),
        fc.integer(),
        async (k, n, seed) => {
          const random = createRandom(seed);
          const cost = Array.from({ length: n }, () =>
            Array.from({ length: k }, () => Math.round(random.next() * 100)),
          );
          // Bands with slack: every territory between 1 and n/k + 1 atoms.
          const lo = new Array<number>(k).fill(1);
          const hi = new Array<number>(k).fill(Math.floor(n / k) + 1);
          const { cands, state, run } = await solve(cost, new Array<number>(n).fill(1), lo, hi);
          expect(run.balanced).toBe(true);
          const before = totalCost(cands, state);
          const loads = new Float64Array(n).fill(1);
          await improveByPaths(loads, cands, band(lo, hi), state, 10_000, pacer);
          const after = totalCost(cands, state);
          expect(after).toBeLessThanOrEqual(before);
          for (let t = 0; t < k; t++) {
            expect(state.load[t]).toBeGreaterThanOrEqual(lo[t]!);
            expect(state.load[t]).toBeLessThanOrEqual(hi[t]!);
          }
          // The prices still certify the assignment: every atom on its cheapest candidate.
          for (let a = 0; a < n; a++) {
            const here = cost[a]![state.territory[a]!]! + state.price[state.territory[a]!]!;
            for (let t = 0; t < k; t++) {
              expect(here).toBeLessThanOrEqual(cost[a]![t]! + state.price[t]! + 1e-9);
            }
          }
          expect(after).toBe(optimumInBands(cost, lo, hi));
        },
      ),
      { numRuns: 200 },
    );
  });
});
