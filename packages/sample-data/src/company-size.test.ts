import { createRandom } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { drawEmployees, MAX_EMPLOYEES, segmentOf } from './company-size.js';
import { drawWorkload } from './workload.js';

describe('company size', () => {
  it('classifies segments at 100 and 1000 employees', () => {
    expect(segmentOf(1)).toBe('smb');
    expect(segmentOf(99)).toBe('smb');
    expect(segmentOf(100)).toBe('midmarket');
    expect(segmentOf(999)).toBe('midmarket');
    expect(segmentOf(1000)).toBe('enterprise');
  });

  it('draws whole employee counts with the asked median and a heavy tail', () => {
    const random = createRandom('size');
    const draws = Array.from({ length: 20_000 }, () => drawEmployees(8, random)).sort(
      (a, b) => a - b,
    );
    expect(draws.every((e) => Number.isInteger(e) && e >= 1 && e <= MAX_EMPLOYEES)).toBe(true);
    const median = draws[10_000]!;
    expect(median).toBeGreaterThanOrEqual(7);
    expect(median).toBeLessThanOrEqual(9);
    // Lomax(α = 1.2): P(X > 1000) ≈ (1 + 1000 / 9.6)^-1.2 ≈ 0.4%, far above a log-normal's.
    const over1000 = draws.filter((e) => e > 1000).length / draws.length;
    expect(over1000).toBeGreaterThan(0.002);
    expect(over1000).toBeLessThan(0.008);
  });

  it('grows workload much slower than headcount', () => {
    const random = createRandom('work');
    const mean = (employees: number): number => {
      let sum = 0;
      for (let i = 0; i < 2000; i++) sum += drawWorkload(employees, 1, random);
      return sum / 2000;
    };
    // 2 × 1000^0.35 ≈ 22.3, times E[exp(0.25 Z)] ≈ 1.03.
    expect(mean(1000)).toBeCloseTo(23, 0);
    expect(mean(1000) / mean(10)).toBeCloseTo(Math.pow(100, 0.35), 0);
  });
});
