import { createRandom } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { createAliasTable, drawAlias } from './weighted-sampler.js';

describe('alias table', () => {
  it('splits weights [1, 3] into one shared column', () => {
    // Scaled weights are 0.5 and 1.5: column 0 keeps itself half the time, else aliases to 1.
    const table = createAliasTable([1, 3]);
    expect(Array.from(table.prob)).toEqual([0.5, 1]);
    expect(table.alias[0]).toBe(1);
  });

  it('draws in proportion to weight and never draws a zero weight', () => {
    const table = createAliasTable([2, 0, 1, 1]);
    const random = createRandom('alias');
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[drawAlias(table, random)]!++;
    expect(counts[1]).toBe(0);
    expect(counts[0]! / 40_000).toBeCloseTo(0.5, 1);
    expect(counts[2]! / 40_000).toBeCloseTo(0.25, 1);
    expect(counts[3]! / 40_000).toBeCloseTo(0.25, 1);
  });
});
