import { z } from 'zod';

/** The measures a territory can be balanced on. */
export const BALANCE_MEASURES = ['workload', 'potential', 'accounts'] as const;
export type BalanceMeasureName = (typeof BALANCE_MEASURES)[number];

const measureWeight = z.number().min(0);

const balanceMix = z
  .object({
    workload: measureWeight.optional().describe('Weight of workload in the mix.'),
    potential: measureWeight.optional().describe('Weight of potential in the mix.'),
    accounts: measureWeight.optional().describe('Weight of the account count in the mix.'),
  })
  .strict()
  .refine((mix) => (mix.workload ?? 0) + (mix.potential ?? 0) + (mix.accounts ?? 0) > 0, {
    message: 'a balance mix needs at least one positive weight',
  });

/** The parameters of the `geographic` strategy, with their defaults. */
export const geographicParams = z
  .object({
    k: z.number().int().min(1).optional().describe('Number of territories. Default: one per rep.'),
    balanceOn: z
      .union([z.enum(BALANCE_MEASURES), balanceMix])
      .default('workload')
      .describe(
        'What territories are balanced on: workload, potential, the account count, or a ' +
          'weighted mix of them such as { "workload": 0.7, "potential": 0.3 } (each measure is ' +
          'taken as a share of its total before mixing).',
      ),
    tolerance: z
      .number()
      .min(0)

      .default(0.05)
      .describe(
        'Allowed relative deviation of every territory from its capacity-weighted target: 0.05 = within ±5%.',
      ),
    centers: z
      .enum(['homes', 'free', 'reps'])
      .default('homes')
      .describe(
        'homes: compact territories whose centres lean toward their reps’ home bases, each rep ' +
          'leading the territory nearest home (field reps do not move house for a plan); free: ' +
          'centres go wherever the accounts make territories most compact, for planning hires; ' +
          'reps: territories grow around the home bases, which stay fixed. Reps without a home ' +
          'base get free centres.',
      ),
    continuityWeight: z
      .number()
      .min(0)

      .default(0)
      .describe(
        'How strongly accounts stay with their current owner: 0 ignores the owner; 1 makes ' +
          'keeping an account worth moving it one typical territory radius; higher keeps ' +
          'accounts with their owner unless balance needs the move.',
      ),
    units: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Building blocks that stay whole: county or state (US, from bundled boundaries), blocks ' +
          "(the dataset's own boundaries file), or an account column (postal_code, region, " +
          'country, industry or any extra column): every account in the same block or with the ' +
          'same value goes to the same territory.',
      ),
    contiguous: z
      .boolean()
      .default(false)
      .describe(
        'With building blocks (county, state or a boundaries file): each territory is one ' +
          'connected piece of blocks (islands of the geography excepted), or the result says ' +
          'which territories could not be made whole.',
      ),
    seed: z
      .union([z.string(), z.number()])
      .optional()
      .describe("Random seed for the centre seeding. Default: the run's seed."),
  })
  .strict();

export type GeographicParams = z.output<typeof geographicParams>;
export type BalanceOn = GeographicParams['balanceOn'];
