import { createRandom } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { hungarian } from './hungarian.js';

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]),
  );
}

describe('hungarian', () => {
  it('finds a minimum-cost matching (checked against every permutation)', () => {
    const random = createRandom('match');
    for (let trial = 0; trial < 30; trial++) {
      const n = 1 + (trial % 6);
      const cost = Float64Array.from({ length: n * n }, () => Math.floor(random.next() * 20));
      const match = hungarian(cost, n);
      expect(new Set(match).size).toBe(n);
      const value = (p: ArrayLike<number>) =>
        Array.from({ length: n }, (_, i) => cost[i * n + p[i]!]!).reduce((s, x) => s + x, 0);
      const best = Math.min(...permutations(n).map(value));
      expect(value(match)).toBe(best);
    }
  });
});
