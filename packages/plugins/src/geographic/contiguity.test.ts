import { blocksFromGeoJson, locateAccounts, territoryPieces, type BlockSet } from '@tessera/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeContiguous } from './contiguity.js';

/** A columns × rows grid of unit squares from (0, 0), row by row. */
function grid(columns: number, rows: number): BlockSet {
  const features = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const [x, y] = [column, row];
      features.push({
        type: 'Feature',
        properties: { CODE: `c${column}r${row}` },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + 1, y],
              [x + 1, y + 1],
              [x, y + 1],
              [x, y],
            ],
          ],
        },
      });
    }
  }
  return blocksFromGeoJson({ type: 'FeatureCollection', features }, { idProperty: 'CODE' });
}

/** One account at the centre of each block, with the given loads and territories. */
function setup(blocks: BlockSet, columns: number, territoryOf: number[], loads: number[]) {
  const lon = territoryOf.map((_, b) => (b % columns) + 0.5);
  const lat = territoryOf.map((_, b) => Math.floor(b / columns) + 0.5);
  return {
    lon,
    lat,
    blockOf: locateAccounts(lon, lat, blocks).block,
    territoryOf: Int32Array.from(territoryOf),
    load: Float64Array.from(loads),
  };
}

function extraPieces(
  blocks: BlockSet,
  s: ReturnType<typeof setup>,
  k: number,
  locked: Uint8Array | null = null,
): number {
  const { pieces, required } = territoryPieces(s.lon, s.lat, s.territoryOf, k, {
    blocks,
    blockOfAccount: s.blockOf,
    locked,
  });
  let extra = 0;
  for (let t = 0; t < k; t++) extra += Math.max(0, pieces[t]! - required[t]!);
  return extra;
}

describe('makeContiguous', () => {
  it('joins an exclave to the territory around it and rebalances', () => {
    const blocks = grid(4, 1);
    // 0 1 0 1: both territories in two pieces; equal loads.
    const s = setup(blocks, 4, [0, 1, 0, 1], [1, 1, 1, 1]);
    const result = makeContiguous({
      blocks,
      ...s,
      locked: new Uint8Array(4),
      targets: Float64Array.from([2, 2]),
      tolerance: 0.05,
    });
    expect(result.inPieces).toEqual([]);
    expect(Array.from(s.territoryOf)).toEqual([0, 0, 1, 1]);
  });

  it('keeps a locked account with its rep as an exception, without letting it claim its block', () => {
    const blocks = grid(3, 1);
    const s = setup(blocks, 3, [0, 1, 0], [1, 1, 1]);
    const locked = Uint8Array.from([0, 1, 0]);
    const result = makeContiguous({
      blocks,
      ...s,
      locked,
      targets: Float64Array.from([2, 1]),
      tolerance: 0.05,
    });
    expect(Array.from(s.territoryOf)).toEqual([0, 1, 0]);
    expect(result.inPieces).toEqual([]);
    expect(extraPieces(blocks, s, 2, locked)).toBe(0);
  });

  it('says which territories stay in pieces when a block’s accounts are split between them', () => {
    const blocks = grid(3, 1);
    // Every block holds accounts of both territories, so none can move: blocks 0 and 2 are
    // mostly territory 0's, block 1 mostly territory 1's.
    const territoryOf = [0, 0, 1, 1, 1, 0, 0, 0, 1];
    const split = {
      lon: territoryOf.map((_, i) => Math.floor(i / 3) + 0.2 + 0.2 * (i % 3)),
      lat: territoryOf.map(() => 0.5),
      blockOf: Int32Array.from(territoryOf, (_, i) => Math.floor(i / 3)),
      territoryOf: Int32Array.from(territoryOf),
      load: new Float64Array(9).fill(1),
    };
    const result = makeContiguous({
      blocks,
      ...split,
      locked: new Uint8Array(9),
      targets: Float64Array.from([5, 4]),
      tolerance: 0.5,
    });
    expect(result.inPieces).toEqual([{ territory: 0, pieces: 2, landmasses: 1 }]);
  });

  it('leaves whole, balanced territories as they are', () => {
    const blocks = grid(4, 2);
    const s = setup(blocks, 4, [0, 0, 1, 1, 0, 0, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1]);
    const result = makeContiguous({
      blocks,
      ...s,
      locked: new Uint8Array(8),
      targets: Float64Array.from([4, 4]),
      tolerance: 0,
    });
    expect(result.movedBlocks).toBe(0);
    expect(Array.from(s.territoryOf)).toEqual([0, 0, 1, 1, 0, 0, 1, 1]);
  });

  it('on any labelling of a grid: every account placed, locked ones kept, every territory whole', () => {
    const columns = 6;
    const rows = 5;
    const blocks = grid(columns, rows);
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.nat(4), { minLength: columns * rows, maxLength: columns * rows }),
        fc.array(fc.integer({ min: 1, max: 5 }), {
          minLength: columns * rows,
          maxLength: columns * rows,
        }),
        fc.array(fc.boolean(), { minLength: columns * rows, maxLength: columns * rows }),
        (k, rawLabels, loads, rawLocks) => {
          const labels = rawLabels.map((l) => l % k);
          const s = setup(blocks, columns, labels, loads);
          const locked = Uint8Array.from(rawLocks, (l, i) => (l && i % 7 === 0 ? 1 : 0));
          const total = loads.reduce((a, b) => a + b, 0);
          makeContiguous({
            blocks,
            ...s,
            locked,
            targets: new Float64Array(k).fill(total / k),
            tolerance: 0.1,
          });
          for (let i = 0; i < labels.length; i++) {
            expect(s.territoryOf[i]).toBeGreaterThanOrEqual(0);
            expect(s.territoryOf[i]).toBeLessThan(k);
            if (locked[i] === 1) expect(s.territoryOf[i]).toBe(labels[i]);
          }
          // One account a block: no block is split, so every territory ends whole, locks or not.
          expect(extraPieces(blocks, s, k, locked)).toBe(0);
        },
      ),
      { numRuns: 80 },
    );
  });
});
