import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer.js';
import { descendingKeys, sortIndexesByKey } from './radix-sort.js';

const pacer = new Pacer(new AbortController().signal, () => undefined);

describe('sortIndexesByKey', () => {
  it('orders indexes by key, ties in index order', async () => {
    const keys = Uint32Array.of(5, 0xffffffff, 5, 0, 70000, 1);
    expect(Array.from(await sortIndexesByKey(keys, pacer))).toEqual([3, 5, 0, 2, 4, 1]);
  });
});

describe('descendingKeys', () => {
  it('sorts the picked values from largest to smallest, negatives as 0', async () => {
    const values = Float64Array.of(2.5, -1, 100, 0.001, 2.5);
    const pick = Int32Array.of(0, 1, 2, 3, 4);
    const order = await sortIndexesByKey(descendingKeys(values, pick), pacer);
    expect(Array.from(order)).toEqual([2, 0, 4, 3, 1]);
  });
});
