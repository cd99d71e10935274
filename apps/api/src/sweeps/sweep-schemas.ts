import { sweepSchema } from '@tessera/scenarios';
import { z } from 'zod';

export const sweepId = z.string().min(1).describe('sweep id (sw_…)');

/**
 * A sweep as the API takes it: the sweep format of @tessera/scenarios (docs/scenarios.md) with
 * the stored scenario as its base, named by `scenarioId`, instead of an inline one.
 */
export const sweepRequestSchema = sweepSchema
  .omit({ scenario: true })
  .extend({
    version: z.literal(1, { error: 'only sweep version 1 is known' }).default(1),
    scenarioId: z.string().min(1).describe('the stored scenario the grid varies (sc_…)'),
  })
  .meta({
    examples: [
      {
        scenarioId: 'sc_…',
        name: 'k and tolerance',
        grid: { k: [8, 10, 12], tolerance: [0.05, 0.1] },
      },
    ],
  });
export type SweepRequest = z.output<typeof sweepRequestSchema>;

const figure = z.number().nullable();

/** One point's row, as `runSweep` reports it, with the point's index and warnings. */
export const sweepRowSchema = z.object({
  index: z.int().min(0).describe('the point in the grid, in expansion order'),
  name: z.string(),
  strategy: z.string(),
  values: z.record(z.string(), z.unknown()).describe('the grid values of this point'),
  balance: figure.describe('largest relative deviation of a territory workload from target'),
  balanceIndex: figure,
  compactnessKm: figure.describe('workload-weighted mean distance to the territory centre'),
  kmeansRatio: figure,
  disruption: figure.describe('share of accounts whose owner changes'),
  skillMatch: figure,
  unassigned: figure,
  infeasible: z.boolean(),
  ms: z.number().describe('how long the run took on its worker'),
  error: z.string().nullable().describe('why the run failed; its figures are then null'),
  warnings: z.array(z.string()).describe("the run's warnings (edits, strategy, skills)"),
  planKey: z
    .string()
    .nullable()
    .describe("a fingerprint of the run's plan, equal for points that gave the same plan"),
  samePlanAs: z
    .int()
    .nullable()
    .describe('the `index` of the first earlier point that gave this very plan (once done)'),
  nonDominated: z
    .boolean()
    .describe('on the trade-off frontier of balance, compactness and disruption (once done)'),
});
export type SweepRowOut = z.output<typeof sweepRowSchema>;

export const SWEEP_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

export const sweepResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  scenarioId: z.string(),
  status: z
    .enum(SWEEP_STATUSES)
    .describe('done when every point has finished; failed when every point failed'),
  total: z.int().describe('points in the grid, one job each'),
  done: z.int(),
  failed: z.int(),
  rows: z.array(sweepRowSchema).describe('the finished points, in grid order'),
  nonDominated: z
    .array(z.int())
    .describe('the `index` of each row on the frontier; empty until the sweep is done'),
  warnings: z
    .array(z.string())
    .describe('about the sweep as a whole, once done: grid values that changed nothing'),
  createdAt: z.iso.datetime(),
});
export type SweepResult = z.output<typeof sweepResultSchema>;
