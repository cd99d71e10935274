import type { StrategyPlugin } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CONFORMANCE_CASES,
  CONFORMANCE_CHECKS,
  type ConformanceCase,
} from './conformance-checks.js';
import { conformanceDatasets, type ConformanceDatasets } from './datasets.js';

export { CONFORMANCE_CASES, type ConformanceCase } from './conformance-checks.js';

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
 * `runStrategy`, the same plan byte for byte for the same seed (ties included), locks
 * honoured (from the `locked` column and from `ctx.locks`), rejection within 100 ms of an
 * abort, no stretch of more than 100 ms without a yield, monotone progress in [0, 1], and a
 * valid plan for each awkward input. Only the `locks` case judges locks, so a strategy that
 * moves a locked account fails that case alone.
 */
export function runPluginConformance<Params extends z.ZodType>(
  options: ConformanceOptions<Params>,
): void {
  const plugin = options.plugin as StrategyPlugin;
  const params: unknown = options.params ?? {};
  const selected = new Set<ConformanceCase>(options.cases ?? CONFORMANCE_CASES);

  describe(`${plugin.id} conformance`, () => {
    let data: ConformanceDatasets;
    beforeAll(() => {
      data = conformanceDatasets();
    });

    for (const name of CONFORMANCE_CASES) {
      if (!selected.has(name)) continue;
      const check = CONFORMANCE_CHECKS[name];
      it(
        `${name}: ${check.title}`,
        async () => {
          const fault = await check.run({ plugin, params, data });
          if (fault !== null) expect.fail(fault);
        },
        check.slow ? SLOW_CASE_MS : undefined,
      );
    }
  });
}
