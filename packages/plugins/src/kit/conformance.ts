import { findPlanFault, type StrategyPlugin } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { abortFault, blockedLoopNote, measureAbort } from './abort-check.js';
import { conformanceDatasets, type ConformanceDatasets } from './datasets.js';
import { traceProgress } from './progress-check.js';
import { movedLocks, planBytes, runOn } from './run-on.js';

/** The awkward inputs every strategy must turn into a valid plan without throwing. */
const AWKWARD_INPUTS = {
  empty: 'empty',
  'one-account': 'oneAccount',
  'one-rep': 'oneRep',
  'more-reps-than-accounts': 'moreRepsThanAccounts',
  'no-coordinates': 'noCoordinates',
  'one-point': 'onePoint',
  'zero-workloads': 'zeroWorkloads',
} as const satisfies Record<string, keyof ConformanceDatasets>;

/** Every check of the suite, by name: pass a subset as `cases` to run only those. */
export const CONFORMANCE_CASES = [
  'valid-output',
  'determinism',
  'locks',
  'abort',
  'progress',
  ...(Object.keys(AWKWARD_INPUTS) as (keyof typeof AWKWARD_INPUTS)[]),
] as const;
export type ConformanceCase = (typeof CONFORMANCE_CASES)[number];

export interface ConformanceOptions<Params extends z.ZodType = z.ZodType> {
  plugin: StrategyPlugin<Params>;
  /** Raw parameters for every run, validated by the plugin's schema (default `{}`). */
  params?: z.input<Params>;
  /** The checks to run (default: all of {@link CONFORMANCE_CASES}). */
  cases?: readonly ConformanceCase[];
}

/** Generous: a slow strategy may take a while on the large dataset before the abort lands. */
const SLOW_CASE_MS = 60_000;

/**
 * Declares the conformance suite for a plugin: call it at the top level of a test file.
 * It adds `describe('<id> conformance')` with one test per case: a valid plan through core's
 * `runStrategy`, the same plan byte for byte for the same seed, locks honoured (from the
 * `locked` column and from `ctx.locks`), rejection within 100 ms of an abort, monotone
 * progress in [0, 1], and a valid plan for each awkward input.
 */
export function runPluginConformance<Params extends z.ZodType>(
  options: ConformanceOptions<Params>,
): void {
  const plugin = options.plugin as StrategyPlugin;
  const params: unknown = options.params ?? {};
  const selected = new Set<ConformanceCase>(options.cases ?? CONFORMANCE_CASES);
  const test = (
    name: ConformanceCase,
    title: string,
    fn: () => Promise<void>,
    timeout?: number,
  ) => {
    if (selected.has(name)) it(`${name}: ${title}`, fn, timeout);
  };

  describe(`${plugin.id} conformance`, () => {
    let data: ConformanceDatasets;
    beforeAll(() => {
      data = conformanceDatasets();
    });

    test('valid-output', 'returns a plan core accepts, covering every account', async () => {
      const { accounts, reps } = data.standard;
      const result = await runOn(plugin, data.standard, params);
      expect(findPlanFault(result.plan, accounts, reps)).toBeNull();
      expect(result.plan.accountCount).toBe(accounts.length);
      if (result.warnings !== undefined) {
        expect(result.warnings.every((w) => typeof w === 'string')).toBe(true);
      }
      if (result.infeasible !== undefined) expect(typeof result.infeasible.reason).toBe('string');
    });

    test('determinism', 'gives the same plan, byte for byte, for the same seed', async () => {
      const first = await runOn(plugin, data.standard, params);
      const second = await runOn(plugin, data.standard, params);
      const { accounts } = data.standard;
      expect(planBytes(second.plan, accounts)).toBe(planBytes(first.plan, accounts));
      expect(Array.from(second.plan.territoryOf)).toEqual(Array.from(first.plan.territoryOf));
      expect(second.plan.territories).toEqual(first.plan.territories);
    });

    test(
      'locks',
      'keeps locked accounts with their owner, from the column and ctx.locks',
      async () => {
        for (const dataset of [data.locked, data.explicitLocks, data.standard]) {
          const { plan } = await runOn(plugin, dataset, params);
          const moved = movedLocks(plan, dataset.accounts, dataset.reps, dataset.locks);
          expect(moved, `${dataset.description}: locked accounts moved`).toEqual([]);
        }
      },
    );

    test(
      'abort',
      'rejects with signal.reason within 100 ms of an abort',
      async () => {
        const outcome = await measureAbort(plugin, data.large, params);
        expect(abortFault(outcome), data.large.description).toBeNull();
        const note = blockedLoopNote(outcome);
        if (note !== null) console.warn(`${plugin.id} conformance (abort): ${note}`);
      },
      SLOW_CASE_MS,
    );

    test('progress', 'reports progress in [0, 1] that never goes backwards', async () => {
      const { fault } = await traceProgress(plugin, data.standard, params);
      expect(fault).toBeNull();
    });

    for (const [name, key] of Object.entries(AWKWARD_INPUTS) as [
      keyof typeof AWKWARD_INPUTS,
      keyof ConformanceDatasets,
    ][]) {
      test(name, 'returns a valid plan without throwing', async () => {
        const dataset = data[key];
        const result = await runOn(plugin, dataset, params);
        expect(result.plan.accountCount, dataset.description).toBe(dataset.accounts.length);
      });
    }
  });
}
