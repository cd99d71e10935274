import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjacencyFromLists } from './block-adjacency.js';

const neighbours = (adjacency: ReturnType<typeof adjacencyFromLists>, b: number): number[] => [
  ...adjacency.targets.subarray(adjacency.offsets[b], adjacency.offsets[b + 1]),
];

describe('adjacencyFromLists', () => {
  it('adds the missing direction, drops self-loops and repeats, and sorts', () => {
    const adjacency = adjacencyFromLists(4, [[2, 1, 1, 0], [], [3], []]);
    expect(neighbours(adjacency, 0)).toEqual([1, 2]);
    expect(neighbours(adjacency, 1)).toEqual([0]);
    expect(neighbours(adjacency, 2)).toEqual([0, 3]);
    expect(neighbours(adjacency, 3)).toEqual([2]);
  });

  it('is symmetric for any lists', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.array(fc.integer({ min: 0, max: n - 1 })), {
              minLength: n,
              maxLength: n,
            }),
          ),
        ),
        ([n, lists]) => {
          const adjacency = adjacencyFromLists(n, lists);
          for (let a = 0; a < n; a++) {
            for (const b of neighbours(adjacency, a)) expect(neighbours(adjacency, b)).toContain(a);
            for (const b of lists[a]!) if (b !== a) expect(neighbours(adjacency, a)).toContain(b);
          }
        },
      ),
    );
  });
});
