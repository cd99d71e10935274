import { describe, expect, it } from 'vitest';
import { percentile, spreadOf } from './spread.js';

describe('percentile', () => {
  it('interpolates between order statistics (type 7)', () => {
    const sorted = Float64Array.from([10, 20, 30, 40, 50]);
    expect(percentile(sorted, 0)).toBe(10);
    expect(percentile(sorted, 0.1)).toBe(14);
    expect(percentile(sorted, 0.5)).toBe(30);
    expect(percentile(sorted, 0.9)).toBe(46);
    expect(percentile(sorted, 1)).toBe(50);
    expect(percentile(Float64Array.from([7]), 0.9)).toBe(7);
    expect(percentile(new Float64Array(0), 0.5)).toBe(0);
  });
});

describe('spreadOf', () => {
  it('gives the mean and the percentiles of a slice', () => {
    const values = Float64Array.from([99, 3, 1, 2, 4, 99]);
    expect(spreadOf(values, 1, 4, new Float64Array(4))).toEqual({
      expected: 2.5,
      p10: 1.3,
      p50: 2.5,
      p90: 3.7,
    });
  });

  it('gives equal draws as their value exactly', () => {
    const values = new Float64Array(7).fill(0.1);
    expect(spreadOf(values, 0, 7, new Float64Array(7)).expected).toBe(0.1);
  });
});
