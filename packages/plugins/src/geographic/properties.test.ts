import { AccountTable, computeMetrics, RepTable, runStrategy } from '@tessera/core';
import { pluginProperties } from '@tessera/plugins/kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geographic } from './index.js';

// Valid plans, locks kept and determinism, on random datasets with the options that reshape
// the problem most (the default parameters run in builtins.conformance.test.ts).
describe('with units, continuity and rep centres', () => {
  pluginProperties({
    plugin: geographic,
    params: { units: 'region', continuityWeight: 1, centers: 'reps', k: 3 },
    numRuns: 30,
  });
});

/** Anywhere, or one of a few shared places (exact ties and stacked accounts). */
const point = fc.oneof(
  fc.record({
    lat: fc.double({ min: -60, max: 70, noNaN: true }),
    lon: fc.double({ min: -180, max: 180, noNaN: true }),
  }),
  fc.constantFrom({ lat: 40.7, lon: -74 }, { lat: 41.9, lon: -87.6 }, { lat: 0, lon: 0 }),
);

describe('geographic tolerance', () => {
  it('holds whenever a balanced plan exists: equal loads, k dividing n', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(point, { minLength: 120, maxLength: 120 }),
        fc.array(fc.option(point, { nil: null }), { minLength: 20, maxLength: 20 }),
        fc.constantFrom('free' as const, 'reps' as const),
        fc.integer(),
        async (k, perTerritory, places, homes, centers, seed) => {
          const n = k * perTerritory;
          const accounts = AccountTable.fromRows(
            places.slice(0, n).map((p, i) => ({ id: `a${i}`, ...p, workload: 2 })),
          );
          const reps = RepTable.fromRows(
            homes.slice(0, k).map((home, r) => ({ id: `r${r}`, ...home })),
          );
          const { plan, infeasible } = await runStrategy(
            geographic,
            { accounts, reps, seed },
            { centers },
          );
          const metrics = computeMetrics(accounts, reps, plan, { kmeans: false });
          expect(metrics.balance.workload.maxDeviation).toBeLessThanOrEqual(0.05);
          expect(infeasible).toBeUndefined();
        },
      ),
      { numRuns: 60 },
    );
  });
});
