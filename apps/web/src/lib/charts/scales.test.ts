import { describe, expect, it } from 'vitest';
import { linearScale, niceMax, ticks } from './scales.ts';

describe('niceMax', () => {
  it('rounds an axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([niceMax(0), niceMax(7), niceMax(180), niceMax(2100)]).toEqual([1, 10, 200, 2500]);
  });
});

describe('ticks', () => {
  it('spaces count + 1 ticks from 0 to max', () => {
    expect(ticks(200)).toEqual([0, 50, 100, 150, 200]);
    expect(ticks(2, 2)).toEqual([0, 1, 2]);
  });
});

describe('linearScale', () => {
  it('maps 0…max onto from…to, either way round', () => {
    const x = linearScale(100, 150, 624);
    expect([x(0), x(50), x(100)]).toEqual([150, 387, 624]);
    const y = linearScale(4, 166, 10);
    expect([y(0), y(1), y(4)]).toEqual([166, 127, 10]);
  });
});
