import type { StrategyPlugin } from '@tessera/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  datasetArbitrary,
  datasetFromRows,
  type DatasetArbitraryOptions,
} from './arbitrary-dataset.js';
import { movedLocks, planBytes, planFaultIgnoringLocks, runOn } from './run-on.js';

export interface PropertyOptions<
  Params extends z.ZodType = z.ZodType,
> extends DatasetArbitraryOptions {
  plugin: StrategyPlugin<Params>;
  /** Raw parameters for every run, validated by the plugin's schema (default `{}`). */
  params?: z.input<Params>;
  /** Random datasets per property (default 50). */
  numRuns?: number;
}

const PROPERTY_TIMEOUT_MS = 60_000;

/**
 * Declares fast-check property tests for a plugin: call it at the top level of a test file.
 * On random small datasets the plan is always one core accepts, locked accounts never leave
 * their owner, and the same seed gives the same plan. A failure prints the shrunk rows.
 */
export function pluginProperties<Params extends z.ZodType>(options: PropertyOptions<Params>): void {
  const plugin = options.plugin as StrategyPlugin;
  const params: unknown = options.params ?? {};
  const numRuns = options.numRuns ?? 50;
  const datasets = datasetArbitrary(options);

  describe(`${plugin.id} properties`, () => {
    // Locks aside: a moved lock fails only the next property, not this one too.
    it(
      'always returns a plan core accepts',
      async () => {
        await fc.assert(
          fc.asyncProperty(datasets, fc.integer(), async (rows, seed) => {
            const dataset = datasetFromRows(rows);
            const { plan } = await runOn(plugin, dataset, params, { seed });
            expect(planFaultIgnoringLocks(plan, dataset.accounts, dataset.reps)).toBeNull();
          }),
          { numRuns },
        );
      },
      PROPERTY_TIMEOUT_MS,
    );

    it(
      'never moves a locked account away from its owner',
      async () => {
        await fc.assert(
          fc.asyncProperty(datasets, fc.integer(), async (rows, seed) => {
            const dataset = datasetFromRows(rows);
            const { plan } = await runOn(plugin, dataset, params, { seed });
            expect(movedLocks(plan, dataset.accounts, dataset.reps)).toEqual([]);
          }),
          { numRuns },
        );
      },
      PROPERTY_TIMEOUT_MS,
    );

    it(
      'gives the same plan for the same seed',
      async () => {
        await fc.assert(
          fc.asyncProperty(datasets, fc.integer(), async (rows, seed) => {
            const dataset = datasetFromRows(rows);
            const first = await runOn(plugin, dataset, params, { seed });
            const second = await runOn(plugin, dataset, params, { seed });
            expect(planBytes(second.plan, dataset.accounts)).toBe(
              planBytes(first.plan, dataset.accounts),
            );
            expect(second.plan.territories).toEqual(first.plan.territories);
          }),
          { numRuns },
        );
      },
      PROPERTY_TIMEOUT_MS,
    );
  });
}
