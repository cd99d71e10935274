import { z } from 'zod';

/**
 * The parameters of the sales-response model (docs/simulation.md has the formulas and the
 * reasons for each default). Every field has a default, so `{}` is a complete model.
 */
export const responseModelSchema = z
  .object({
    retention: z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe("Share of an account's current revenue it keeps for a year with no effort."),
    elasticity: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.3)
      .describe(
        'Elasticity of the revenue above that floor to effort at full coverage: +1% effort ' +
          'there gives +elasticity%. Unlimited effort earns 1 / (1 − elasticity) of it.',
      ),
    maxCoverage: z
      .number()
      .min(1)
      .default(1.5)
      .describe('Most effort an account takes, as a multiple of its workload.'),
    allocation: z
      .enum(['priority', 'proportional'])
      .default('priority')
      .describe(
        "How a rep spreads time: 'priority' puts each hour where it earns most (CALLPLAN); " +
          "'proportional' gives every account the same share of what it needs.",
      ),
    hoursPerUnit: z
      .number()
      .gt(0)
      .default(1)
      .describe('Hours of a rep one workload unit stands for: converts travel hours into units.'),
    unitsPerVisit: z
      .number()
      .gt(0)
      .default(4)
      .describe('Workload units served per visit: visits per year = workload / unitsPerVisit.'),
    visitsPerTrip: z
      .number()
      .min(1)
      .default(3)
      .describe('Visits chained into one trip from home, sharing its round trip.'),
    speedKmh: z.number().gt(0).default(60).describe('Average travel speed on the road, km/h.'),
    roadFactor: z.number().min(1).default(1.2).describe('Road km per great-circle km (circuity).'),
    maxTripHours: z
      .number()
      .gt(0)
      .default(16)
      .describe('Cap on the hours of one round trip: farther accounts are a fly-in trip.'),
    costPerKm: z
      .number()
      .min(0)
      .default(0.42)
      .describe('Travel cost per road km, in the currency of potential.'),
    accountSigma: z
      .number()
      .min(0)
      .max(3)
      .default(0.3)
      .describe("Log-sd of each account's own potential shock."),
    segmentSigma: z
      .number()
      .min(0)
      .max(3)
      .default(0.15)
      .describe('Log-sd of the shock shared by an industry × region segment.'),
    industryCorrelation: z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe('Correlation of the shocks of two segments of the same industry.'),
    regionCorrelation: z
      .number()
      .min(0)
      .max(1)
      .default(0.25)
      .describe('Correlation of the shocks of two segments of the same region.'),
  })
  .strict()
  .check((ctx) => {
    const model = ctx.value;
    if (model.industryCorrelation + model.regionCorrelation > 1) {
      ctx.issues.push({
        code: 'custom',
        input: model.regionCorrelation,
        path: ['regionCorrelation'],
        message: `industryCorrelation + regionCorrelation must be at most 1, got ${model.industryCorrelation + model.regionCorrelation}`,
      });
    }
  });

/** A complete set of model parameters. */
export type ResponseModel = z.output<typeof responseModelSchema>;

/** The most draws one simulation takes: memory is 8 bytes × territories × draws. */
export const MAX_DRAWS = 10_000;

/** Options of {@link simulateRevenue}; every field is optional. */
export const simulationOptionsSchema = z
  .object({
    draws: z
      .number()
      .int()
      .min(1)
      .max(MAX_DRAWS)
      .default(1000)
      .describe('Monte-Carlo draws of the uncertain potential.'),
    seed: z
      .union([z.string(), z.number().refine(Number.isFinite, 'must be a finite number')])
      .default(0)
      .describe('Seed of the draws: the same seed gives the same figures.'),
    model: responseModelSchema.prefault({}).describe('Response-model parameters to override.'),
  })
  .strict();

/** What callers pass: every field, and every model parameter, may be left out. */
export type SimulationOptions = z.input<typeof simulationOptionsSchema>;
/** The options with their defaults filled in. */
export type ResolvedSimulationOptions = z.output<typeof simulationOptionsSchema>;

/** The model's defaults, as a value. */
export const DEFAULT_RESPONSE_MODEL: Readonly<ResponseModel> = Object.freeze(
  responseModelSchema.parse({}),
);

/**
 * s(x) = x / (ε + (1 − ε)·x): the share of (potential − floor) that coverage x earns. It is
 * ADBUDG with exponent 1, a = 1 / (1 − ε) and d = ε / (1 − ε): s(0) = 0, s(1) = 1, slope ε at
 * x = 1, rising towards 1 / (1 − ε) with unlimited effort.
 */
export function responseShare(x: number, elasticity: number): number {
  return x > 0 ? x / (elasticity + (1 - elasticity) * x) : 0;
}

/** What unlimited effort would earn, as a multiple of (potential − floor): 1 / (1 − ε). */
export function responseSaturation(elasticity: number): number {
  return 1 / (1 - elasticity);
}
