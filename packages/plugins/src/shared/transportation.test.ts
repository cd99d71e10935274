import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  solveTransportation,
  type TransportationProblem,
  type TransportationSolution,
} from './transportation.js';

interface Instance {
  supply: number[];
  capacity: number[];
  /** Per source, its arcs as [sink, cost]. */
  arcs: [number, number][][];
}

function toProblem(instance: Instance): TransportationProblem {
  const arcStart = [0];
  const sinks: number[] = [];
  const costs: number[] = [];
  for (const list of instance.arcs) {
    for (const [sink, cost] of list) {
      sinks.push(sink);
      costs.push(cost);
    }
    arcStart.push(sinks.length);
  }
  return {
    supply: instance.supply,
    capacity: instance.capacity,
    arcStart,
    arcSink: Int32Array.from(sinks),
    arcCost: Float64Array.from(costs),
  };
}

/** Every integral flow, by enumeration: the least overflow, then the least cost. */
function bruteForce(instance: Instance): { overflow: number; cost: number } {
  let best = { overflow: Number.POSITIVE_INFINITY, cost: Number.POSITIVE_INFINITY };
  const load = instance.capacity.map(() => 0);
  const visit = (source: number, arc: number, left: number, cost: number): void => {
    if (source === instance.supply.length) {
      const overflow = load.reduce((sum, l, r) => sum + Math.max(0, l - instance.capacity[r]!), 0);
      if (
        overflow < best.overflow - 1e-9 ||
        (Math.abs(overflow - best.overflow) <= 1e-9 && cost < best.cost)
      ) {
        best = { overflow, cost };
      }
      return;
    }
    const list = instance.arcs[source]!;
    if (arc === list.length - 1 || left === 0) {
      if (left > 0) {
        const [sink, unit] = list[arc]!;
        load[sink]! += left;
        visit(source + 1, 0, instance.supply[source + 1] ?? 0, cost + left * unit);
        load[sink]! -= left;
      } else {
        visit(source + 1, 0, instance.supply[source + 1] ?? 0, cost);
      }
      return;
    }
    const [sink, unit] = list[arc]!;
    for (let k = 0; k <= left; k++) {
      load[sink]! += k;
      visit(source, arc + 1, left - k, cost + k * unit);
      load[sink]! -= k;
    }
  };
  visit(0, 0, instance.supply[0] ?? 0, 0);
  return best;
}

/** What must hold of any answer: supply shipped, prices certify it, loads add up. */
function expectConsistent(
  instance: Instance,
  solution: TransportationSolution,
  tolerance = 0,
): void {
  const problem = toProblem(instance);
  const load = instance.capacity.map(() => 0);
  let cost = 0;
  for (let i = 0; i < instance.supply.length; i++) {
    let shipped = 0;
    let cheapest = Number.POSITIVE_INFINITY;
    for (let a = problem.arcStart[i]!; a < problem.arcStart[i + 1]!; a++) {
      const reduced = problem.arcCost[a]! + solution.prices[problem.arcSink[a]!]!;
      cheapest = Math.min(cheapest, reduced);
    }
    for (let a = problem.arcStart[i]!; a < problem.arcStart[i + 1]!; a++) {
      const f = solution.flow[a]!;
      expect(f).toBeGreaterThanOrEqual(0);
      if (f > 0) {
        const reduced = problem.arcCost[a]! + solution.prices[problem.arcSink[a]!]!;
        expect(reduced).toBeLessThanOrEqual(cheapest + tolerance + 1e-9);
      }
      shipped += f;
      load[problem.arcSink[a]!]! += f;
      cost += f * problem.arcCost[a]!;
    }
    expect(shipped).toBeCloseTo(instance.supply[i]!, 9);
  }
  load.forEach((l, r) => {
    expect(solution.load[r]).toBeCloseTo(l, 9);
  });
  expect(solution.cost).toBeCloseTo(cost, 9);
}

const instanceArb = fc
  .record({
    sources: fc.integer({ min: 1, max: 4 }),
    sinks: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ sources, sinks }) =>
    fc.record({
      supply: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: sources, maxLength: sources }),
      capacity: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: sinks, maxLength: sinks }),
      arcs: fc.array(
        fc.uniqueArray(
          fc.tuple(
            fc.integer({ min: 0, max: sinks - 1 }),
            fc.oneof(fc.integer({ min: 0, max: 9 }), fc.double({ min: 0, max: 10, noNaN: true })),
          ),
          { minLength: 1, maxLength: Math.min(3, sinks), selector: ([sink]) => sink },
        ),
        { minLength: sources, maxLength: sources },
      ),
    }),
  );

describe('solveTransportation', () => {
  it('sends each source to its cheapest sink when capacity allows', async () => {
    const instance: Instance = {
      supply: [2, 3],
      capacity: [10, 10],
      arcs: [
        [
          [0, 1],
          [1, 5],
        ],
        [
          [0, 4],
          [1, 2],
        ],
      ],
    };
    const solution = await solveTransportation(toProblem(instance));
    expect(Array.from(solution.flow)).toEqual([2, 0, 0, 3]);
    expect(solution.cost).toBe(8);
    expect(solution.overflow).toBe(0);
    expect(solution.augmentations).toBe(0);
  });

  it('moves the source that loses least when a sink is full, even through a chain', async () => {
    // Sink 0 holds 2 but both sources prefer it. Moving source 1 costs 1 per unit (to sink 1),
    // source 0 would cost 6: the optimum moves source 1, then sink 1 overflows and pushes
    // source 2 on to sink 2.
    const instance: Instance = {
      supply: [2, 2, 1],
      capacity: [2, 2, 5],
      arcs: [
        [
          [0, 0],
          [2, 6],
        ],
        [
          [0, 0],
          [1, 1],
        ],
        [
          [1, 0],
          [2, 3],
        ],
      ],
    };
    const solution = await solveTransportation(toProblem(instance));
    expect(Array.from(solution.flow)).toEqual([2, 0, 0, 2, 0, 1]);
    expect(solution.cost).toBe(5);
    expect(solution.overflow).toBe(0);
    expectConsistent(instance, solution);
  });

  it('splits a source when that is cheapest, as a linear program may', async () => {
    const instance: Instance = {
      supply: [3],
      capacity: [1, 1, 1],
      arcs: [
        [
          [0, 1],
          [1, 2],
          [2, 3],
        ],
      ],
    };
    const solution = await solveTransportation(toProblem(instance));
    expect(Array.from(solution.flow)).toEqual([1, 1, 1]);
    expect(solution.cost).toBe(6);
  });

  it('ships everything and reports the overflow when capacity runs out', async () => {
    const instance: Instance = {
      supply: [3, 2],
      capacity: [1, 10],
      arcs: [[[0, 1]], [[0, 1]]],
    };
    const solution = await solveTransportation(toProblem(instance));
    expect(solution.overflow).toBe(4);
    expect(solution.load[0]).toBe(5);
    expectConsistent(instance, solution);
  });

  it('handles no sources, zero supplies and infinite capacity', async () => {
    const empty = await solveTransportation(toProblem({ supply: [], capacity: [1], arcs: [] }));
    expect(empty.cost).toBe(0);
    const zero = await solveTransportation(
      toProblem({ supply: [0], capacity: [Number.POSITIVE_INFINITY], arcs: [[[0, 3]]] }),
    );
    expect(Array.from(zero.flow)).toEqual([0]);
  });

  it('ends when supplies are vanishingly small', async () => {
    // A flow below the solver's eps once passed for a move that could carry nothing.
    const both: [number, number][] = [
      [0, 0],
      [1, 0],
    ];
    const instance: Instance = {
      supply: [5e-324, 2.1052631578947374e-12],
      capacity: [1.1e-12, 1.1e-12],
      arcs: [both, both],
    };
    const solution = await solveTransportation(toProblem(instance));
    expect(solution.load[0]! + solution.load[1]!).toBe(2.1052631578947374e-12);
  });

  it('rejects malformed problems with a reason', async () => {
    await expect(
      solveTransportation(toProblem({ supply: [1], capacity: [1], arcs: [[]] })),
    ).rejects.toThrow('transportation: source 0 has supply 1 and no arc');
    await expect(
      solveTransportation(toProblem({ supply: [1], capacity: [1], arcs: [[[3, 1]]] })),
    ).rejects.toThrow('transportation: arc 0 of source 0 names sink 3, there are 1');
    await expect(
      solveTransportation(toProblem({ supply: [-1], capacity: [1], arcs: [[[0, 1]]] })),
    ).rejects.toThrow('transportation: source 0 has supply -1');
  });

  it('reports non-decreasing progress and pauses', async () => {
    const supply = Array.from({ length: 200 }, () => 1);
    const instance: Instance = {
      supply,
      capacity: [50, 50, 50, 50],
      arcs: supply.map((_, i) => [
        [0, 0],
        [1, 1 + (i % 7)],
        [2, 2 + (i % 5)],
        [3, 3 + (i % 3)],
      ]),
    };
    const seen: number[] = [];
    let pauses = 0;
    await solveTransportation(toProblem(instance), {
      onProgress: (f) => seen.push(f),
      pause: () => {
        pauses++;
      },
    });
    expect(pauses).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
  });

  it('matches brute force on tiny instances: least overflow, then least cost', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb, async (instance) => {
        const solution = await solveTransportation(toProblem(instance));
        const best = bruteForce(instance);
        expectConsistent(instance, solution);
        expect(solution.overflow).toBeCloseTo(best.overflow, 9);
        if (best.overflow === 0) expect(solution.cost).toBeCloseTo(best.cost, 6);
      }),
      { numRuns: 400, seed: 20240603 },
    );
  });

  it('stays within its tolerance of the optimum', async () => {
    await fc.assert(
      fc.asyncProperty(
        instanceArb,
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        async (instance, tolerance) => {
          const solution = await solveTransportation(toProblem(instance), { tolerance });
          const best = bruteForce(instance);
          const shipped = instance.supply.reduce((a, b) => a + b, 0);
          expectConsistent(instance, solution, tolerance);
          expect(solution.overflow).toBeCloseTo(best.overflow, 9);
          if (best.overflow === 0) {
            const slack = tolerance * (instance.capacity.length + 1) * shipped;
            expect(solution.cost).toBeLessThanOrEqual(best.cost + slack + 1e-6);
          }
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it('reaches the same optimum from any warm-start prices', async () => {
    await fc.assert(
      fc.asyncProperty(
        instanceArb,
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 4, maxLength: 4 }),
        async (instance, prices) => {
          const solution = await solveTransportation(toProblem(instance), {
            prices: prices.slice(0, instance.capacity.length),
          });
          const best = bruteForce(instance);
          expectConsistent(instance, solution);
          expect(solution.overflow).toBeCloseTo(best.overflow, 9);
          if (best.overflow === 0) expect(solution.cost).toBeCloseTo(best.cost, 6);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
