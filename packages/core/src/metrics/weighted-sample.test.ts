import { describe, expect, it } from 'vitest';
import { createRandom } from '../random/random.js';
import { SystematicSampler } from './weighted-sample.js';

describe('SystematicSampler', () => {
  it('draws in proportion to weight whatever the offset', () => {
    // Weights 1, 1, 2 (total 4) with 4 draws: one mark per unit of weight.
    for (const seed of [1, 2, 3]) {
      const sampler = new SystematicSampler(4, 4, createRandom(seed));
      expect([1, 1, 2].map((w) => sampler.draws(w))).toEqual([1, 1, 2]);
    }
  });

  it('never draws more than asked, nor a zero weight', () => {
    const sampler = new SystematicSampler(100, 10, createRandom('s'));
    let drawn = 0;
    for (let i = 0; i < 100; i++) {
      const hits = sampler.draws(i % 2 === 0 ? 2 : 0);
      if (i % 2 === 1) expect(hits).toBe(0);
      drawn += hits;
    }
    expect(drawn).toBe(10);
  });
});
