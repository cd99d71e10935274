import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colourTerritories } from './colour-territories.ts';
import type { TerritoryAdjacency } from './territory-adjacency.ts';

function graph(size: number, edges: readonly (readonly [number, number])[]): TerritoryAdjacency {
  const contacts = Array.from({ length: size }, () => new Map<number, number>());
  for (const [a, b] of edges) {
    if (a === b) continue;
    contacts[a]!.set(b, (contacts[a]!.get(b) ?? 0) + 1);
    contacts[b]!.set(a, (contacts[b]!.get(a) ?? 0) + 1);
  }
  return { size, contacts };
}

const maxDegree = (g: TerritoryAdjacency): number =>
  g.contacts.reduce((max, c) => Math.max(max, c.size), 0);

const arbitraryGraph = fc.integer({ min: 1, max: 60 }).chain((size) =>
  fc.record({
    size: fc.constant(size),
    edges: fc.array(
      fc.tuple(fc.integer({ min: 0, max: size - 1 }), fc.integer({ min: 0, max: size - 1 })),
      { maxLength: size * 4 },
    ),
  }),
);

describe('colourTerritories', () => {
  it('gives adjacent territories different colours whenever max degree < palette size', () => {
    fc.assert(
      fc.property(arbitraryGraph, fc.integer({ min: 1, max: 17 }), ({ size, edges }, palette) => {
        const g = graph(size, edges);
        fc.pre(maxDegree(g) < palette);
        const colour = colourTerritories(g, palette);
        for (let a = 0; a < size; a++) {
          expect(colour[a]).toBeGreaterThanOrEqual(0);
          expect(colour[a]).toBeLessThan(palette);
          for (const b of g.contacts[a]!.keys()) expect(colour[a]).not.toBe(colour[b]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stays inside the palette when the palette is too small', () => {
    fc.assert(
      fc.property(arbitraryGraph, fc.integer({ min: 1, max: 4 }), ({ size, edges }, palette) => {
        const colour = colourTerritories(graph(size, edges), palette);
        for (const c of colour) {
          expect(c).toBeGreaterThanOrEqual(0);
          expect(c).toBeLessThan(palette);
        }
      }),
    );
  });

  it('gives the same plan the same colours', () => {
    fc.assert(
      fc.property(arbitraryGraph, ({ size, edges }) => {
        expect(colourTerritories(graph(size, edges), 9)).toEqual(
          colourTerritories(graph(size, edges), 9),
        );
      }),
    );
  });

  it('puts an unavoidable clash on the weakest border', () => {
    // A triangle with two colours: one pair must share. 0 and 2 share a long border (10
    // contacts); 1 touches both briefly. 0 and 1 are coloured first, so 2 must take one of
    // their colours: it takes 1's, on the short border.
    const g = graph(3, [[0, 1], [1, 2], ...Array.from({ length: 10 }, () => [0, 2] as const)]);
    const colour = colourTerritories(g, 2);
    expect(colour[2]).not.toBe(colour[0]);
    expect(colour[2]).toBe(colour[1]);
  });

  it('gives each territory its own colour while the palette lasts', () => {
    fc.assert(
      fc.property(arbitraryGraph, ({ size, edges }) => {
        fc.pre(size <= 17);
        const colour = colourTerritories(graph(size, edges), 17);
        expect(new Set(colour).size).toBe(size);
      }),
    );
  });

  it('spreads a large plan over the whole palette', () => {
    const size = 3000; // past the DSATUR limit: the degree-ordered pass
    const edges = Array.from({ length: size }, (_, i) => [i, (i + 1) % size] as const);
    const colour = colourTerritories(graph(size, edges), 9);
    for (let i = 0; i < size; i++) expect(colour[i]).not.toBe(colour[(i + 1) % size]);
    const counts = Array.from({ length: 9 }, (_, c) => colour.filter((x) => x === c).length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(Math.floor(size / 9) - 1);
  });

  it('keeps fixed colours unless a neighbour kept the same one, and neighbours still differ', () => {
    fc.assert(
      fc.property(
        arbitraryGraph.chain((g) =>
          fc.record({
            g: fc.constant(g),
            fixed: fc.array(fc.integer({ min: -1, max: 16 }), {
              minLength: g.size,
              maxLength: g.size,
            }),
          }),
        ),
        ({ g: { size, edges }, fixed }) => {
          const g = graph(size, edges);
          const palette = 17;
          fc.pre(maxDegree(g) < palette);
          const colour = colourTerritories(g, palette, fixed);
          for (let a = 0; a < size; a++) {
            for (const b of g.contacts[a]!.keys()) expect(colour[a]).not.toBe(colour[b]);
            const keptByEarlierNeighbour = [...g.contacts[a]!.keys()].some(
              (b) => b < a && fixed[b] === fixed[a] && colour[b] === fixed[b],
            );
            if (fixed[a]! >= 0 && !keptByEarlierNeighbour) expect(colour[a]).toBe(fixed[a]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('colours the territories left free around the fixed ones', () => {
    // A path 0 - 1 - 2: the ends keep colours 0 and 1, the middle takes neither.
    const colour = colourTerritories(
      graph(3, [
        [0, 1],
        [1, 2],
      ]),
      3,
      [0, -1, 1],
    );
    expect([...colour]).toEqual([0, 2, 1]);
  });

  it('refuses fixed colours for another number of territories', () => {
    expect(() => colourTerritories(graph(2, [[0, 1]]), 4, [0])).toThrow(
      'fixed colours name 1 territories, the plan has 2',
    );
  });

  it('refuses a palette of no colours', () => {
    expect(() => colourTerritories(graph(1, []), 0)).toThrow(
      'palette size must be a positive integer, got 0',
    );
  });
});
