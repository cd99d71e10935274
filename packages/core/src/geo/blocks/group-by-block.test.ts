import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupByBlock } from './group-by-block.js';

describe('groupByBlock', () => {
  it('lists each block’s accounts in order and leaves unlocated ones out', () => {
    const groups = groupByBlock(Int32Array.of(2, 0, -1, 2, 0), 4);
    expect([...groups.offsets]).toEqual([0, 2, 2, 4, 4]);
    expect([...groups.members]).toEqual([1, 4, 0, 3]);
    expect(groups.ungrouped).toBe(1);
  });

  it('puts every located account in exactly its block', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 9 }), { maxLength: 200 }), (blocks) => {
        const groups = groupByBlock(Int32Array.from(blocks), 10);
        for (let b = 0; b < 10; b++) {
          const members = [...groups.members.subarray(groups.offsets[b], groups.offsets[b + 1])];
          expect(members).toEqual(blocks.flatMap((block, i) => (block === b ? [i] : [])));
        }
        expect(groups.ungrouped).toBe(blocks.filter((b) => b < 0).length);
      }),
    );
  });
});
