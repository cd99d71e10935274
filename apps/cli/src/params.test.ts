import { describe, expect, it } from 'vitest';
import { parseParams } from './params.js';

describe('parseParams', () => {
  it('reads JSON values and keeps other text as strings', () => {
    expect(
      parseParams(['k=12', 'centers=reps', 'tolerance=0.05', 'fast=true', 'tiers=[1,2]']),
    ).toEqual({
      k: 12,
      centers: 'reps',
      tolerance: 0.05,
      fast: true,
      tiers: [1, 2],
    });
  });

  it('nests dotted keys', () => {
    expect(parseParams(['balanceOn.workload=0.7', 'balanceOn.potential=0.3'])).toEqual({
      balanceOn: { workload: 0.7, potential: 0.3 },
    });
  });

  it('names the flag it cannot read', () => {
    expect(() => parseParams(['k'])).toThrow('--param "k" is not key=value');
    expect(() => parseParams(['__proto__.x=1'])).toThrow('invalid key');
    expect(() => parseParams(['a=1', 'a.b=2'])).toThrow('conflicts');
  });
});
