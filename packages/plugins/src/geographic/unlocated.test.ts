import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer.js';
import { placeUnlocated } from './unlocated.js';

const pacer = new Pacer(new AbortController().signal, () => undefined);

describe('placeUnlocated', () => {
  it('fills the territories furthest below target, largest accounts first', async () => {
    const b = Float64Array.of(4, 1, 3, 2);
    const out = new Int32Array(4).fill(-1);
    const load = Float64Array.of(5, 0);
    await placeUnlocated(
      Int32Array.of(0, 1, 2, 3),
      null,
      b,
      Float64Array.of(7.5, 7.5),
      load,
      out,
      pacer,
    );
    expect(Array.from(load)).toEqual([8, 7]);
    expect(Array.from(out)).toEqual([1, 0, 1, 0]);
  });

  it('keeps an account with its owner when the owner has room', async () => {
    const out = new Int32Array(2).fill(-1);
    const load = Float64Array.of(0, 0);
    await placeUnlocated(
      Int32Array.of(0, 1),
      Int32Array.of(1, 1),
      Float64Array.of(1, 1),
      Float64Array.of(1, 1),
      load,
      out,
      pacer,
    );
    expect(Array.from(out)).toEqual([1, 0]);
  });
});
