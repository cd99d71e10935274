import { TesseraError } from '@tessera/core';
import { z } from 'zod';
import { describeIssue } from '../schema/describe-issue.js';
import { scenarioSchema } from '../schema/scenario-schema.js';

/** A sweep larger than this is a typo, not a study: it would run for hours. */
export const MAX_SWEEP_RUNS = 500;

const values = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'lists no value').optional();

/**
 * A parameter grid over a base scenario: every combination of the listed values is one run.
 * `k`, `tolerance` and `continuityWeight` are the geographic knobs; `params` varies any other
 * strategy parameter by name.
 */
export const sweepSchema = z
  .object({
    version: z.literal(1, { error: 'only sweep version 1 is known' }),
    name: z.string().min(1).optional(),
    scenario: z
      .union([z.string().min(1), scenarioSchema])
      .describe('the base scenario, inline or (for the CLI) a path to its JSON file'),
    grid: z
      .object({
        strategy: values(z.string().min(1)).describe('strategy ids'),
        k: values(z.int().min(1)).describe('numbers of territories'),
        tolerance: values(z.number().min(0)).describe('balance tolerances'),
        continuityWeight: values(z.number().min(0)).describe('continuity weights'),
        params: z
          .record(z.string().min(1), z.array(z.unknown()).min(1, 'lists no value'))
          .optional()
          .describe('any other strategy parameter, by name'),
      })
      .strict(),
  })
  .strict();

export type SweepInput = z.input<typeof sweepSchema>;
export type Sweep = z.output<typeof sweepSchema>;

/**
 * Validates sweep JSON, naming the first bad field in plain words, e.g.
 * `sweep: grid.k[0]: must be at least 1, got 0` or
 * `sweep: grid: unknown key "tolerence" (did you mean "tolerance"?)`.
 */
export function parseSweep(input: unknown): Sweep {
  const parsed = sweepSchema.safeParse(input);
  if (!parsed.success) {
    const problem = describeIssue(parsed.error, { input, schema: sweepSchema });
    throw new TesseraError('INVALID_SWEEP', `sweep: ${problem}`);
  }
  return parsed.data;
}
