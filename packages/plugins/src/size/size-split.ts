import type { AccountTable } from '@tessera/core';
import { z } from 'zod';
import { groupWork, repHolds, staffGroups, type GroupLabel, type Split } from '../shared/split.js';

const tierSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'must be lower-case letters, digits, - or _')
      .describe('tier id; a rep holding the skill segment:<id> is preferred for the tier'),
    name: z.string().min(1).optional().describe('label shown to the planner (default: the id)'),
    minEmployees: z.number().min(0).optional().describe('employees at or above this qualify'),
    minAnnualRevenue: z
      .number()
      .min(0)
      .optional()
      .describe('annual revenue at or above this qualifies'),
    match: z
      .enum(['any', 'all'])
      .default('any')
      .describe('with both thresholds: meeting either (any) or both (all) qualifies'),
  })
  .strict();

export type SizeTier = z.output<typeof tierSchema>;

/** Enterprise ≥ 1000 employees, mid-market 100–999, SMB below 100 (the sample data's segments). */
export const DEFAULT_TIERS: readonly SizeTier[] = [
  { id: 'enterprise', name: 'Enterprise', minEmployees: 1000, match: 'any' },
  { id: 'midmarket', name: 'Mid-market', minEmployees: 100, match: 'any' },
  { id: 'smb', name: 'SMB', match: 'any' },
];

export const sizeSplitParams = z
  .object({
    tiers: z
      .array(tierSchema)
      .min(1)
      .max(20)
      .superRefine((tiers, ctx) => {
        const seen = new Set<string>();
        tiers.forEach((tier, i) => {
          if (seen.has(tier.id)) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'id'],
              message: `tier id "${tier.id}" is used twice`,
            });
          }
          seen.add(tier.id);
        });
      })
      .default(() => DEFAULT_TIERS.map((tier) => ({ ...tier })))
      .describe('largest first; an account joins the first tier it qualifies for, else the last'),
  })
  .strict();

/** Preference for a rep who holds `segment:<tier id>`, on top of seniority (at most 1). */
export const SEGMENT_PREFERENCE = 0.5;

/**
 * Splits accounts into size tiers by `employees` and/or `annual_revenue` thresholds. Tiers are
 * listed largest first; an account joins the first tier whose thresholds it meets (a tier
 * without thresholds takes everyone left) and an account that meets none, or has no size data,
 * joins the last tier. Reps are apportioned to tiers by workload (largest remainder, at least
 * one per tier) and placed so that senior reps (higher `level`) serve the larger tiers: the
 * preference is `level (scaled to 0..1 over the reps) × seniority of the tier (1 for the
 * first, 0 for the last)`, plus {@link SEGMENT_PREFERENCE} for a rep holding `segment:<tier id>`.
 *
 * No territory mixes tiers, with two exceptions the run reports: when there are fewer reps than
 * tiers with accounts, the tier with the least workload merges with its lighter neighbour until
 * every group has a rep; and a locked account stays with its owner even if the owner serves
 * another tier.
 */
export const sizeSplit: Split<typeof sizeSplitParams> = {
  id: 'size',
  params: sizeSplitParams,
  divide(ctx, { tiers }) {
    const { accounts, reps } = ctx;
    const T = tiers.length;
    const tierOf = sizeTierOf(accounts, tiers);
    const work = groupWork(ctx, tierOf, T);
    const counts = new Int32Array(T);
    for (const t of tierOf) counts[t] = counts[t]! + 1;

    // Runs of neighbouring tiers that share reps: one tier each unless reps are too few.
    const runs = [...tiers.keys()]
      .filter((t) => counts[t]! > 0)
      .map((t) => ({ tiers: [t], work: work[t]! }));
    const warnings: string[] = [];
    if (reps.length > 0 && runs.length > reps.length) {
      const before = runs.length;
      while (runs.length > reps.length) {
        let lightest = runs.length - 1;
        for (let k = runs.length - 2; k >= 0; k--) {
          if (runs[k]!.work < runs[lightest]!.work) lightest = k;
        }
        const left = runs[lightest - 1];
        const right = runs[lightest + 1];
        const into = !right || (left && left.work <= right.work) ? lightest - 1 : lightest + 1;
        const [from, to] = into < lightest ? [into, lightest] : [lightest, into];
        runs.splice(from, 2, {
          tiers: [...runs[from]!.tiers, ...runs[to]!.tiers],
          work: runs[from]!.work + runs[to]!.work,
        });
      }
      const shared = runs.filter((run) => run.tiers.length > 1);
      warnings.push(
        `${reps.length} rep${reps.length === 1 ? '' : 's'} for ${before} tiers: ${shared
          .map((run) => run.tiers.map((t) => tierName(tiers[t]!)).join(' + '))
          .join(', ')} share reps and territories`,
      );
    }

    const labels: GroupLabel[] = runs.map((run) => ({
      key: run.tiers.map((t) => tiers[t]!.id).join('+'),
      name: run.tiers.map((t) => tierName(tiers[t]!)).join(' + '),
    }));
    const groupOfTier = new Int32Array(T).fill(-1);
    runs.forEach((run, g) => {
      for (const t of run.tiers) groupOfTier[t] = g;
    });
    const groupOf = Int32Array.from(tierOf, (t) => groupOfTier[t]!);

    const G = runs.length;
    const level = scaledLevels(reps.level);
    const segmentCodes = runs.map((run) =>
      run.tiers.map((t) => reps.skills.codeOf(`segment:${tiers[t]!.id}`)),
    );
    const preference = new Float64Array(reps.length * G);
    for (let r = 0; r < reps.length; r++) {
      for (let g = 0; g < G; g++) {
        const seniority = G > 1 ? (G - 1 - g) / (G - 1) : 0;
        const segment = segmentCodes[g]!.some((code) => repHolds(ctx, r, code));
        preference[r * G + g] = level[r]! * seniority + (segment ? SEGMENT_PREFERENCE : 0);
      }
    }
    return { groups: staffGroups(ctx, labels, groupOf, preference), warnings };
  },
};

/**
 * Each account's index into `tiers`: the first tier whose thresholds it meets, else the last
 * (so an account without size data lands in the last tier). The one rule for what "size" means,
 * shared by the size strategy and the filter language.
 */
export function sizeTierOf(
  accounts: AccountTable,
  tiers: readonly SizeTier[] = DEFAULT_TIERS,
): Int32Array {
  const T = tiers.length;
  const tierOf = new Int32Array(accounts.length);
  for (let i = 0; i < accounts.length; i++) {
    const employees = accounts.employees[i]!;
    const revenue = accounts.annualRevenue[i]!;
    let t = 0;
    while (t < T - 1 && !qualifies(tiers[t]!, employees, revenue)) t++;
    tierOf[i] = t;
  }
  return tierOf;
}

function qualifies(tier: SizeTier, employees: number, revenue: number): boolean {
  const { minEmployees, minAnnualRevenue } = tier;
  if (minEmployees === undefined && minAnnualRevenue === undefined) return true;
  // NaN (missing) compares false, so missing data never qualifies.
  const byEmployees = minEmployees !== undefined && employees >= minEmployees;
  const byRevenue = minAnnualRevenue !== undefined && revenue >= minAnnualRevenue;
  if (tier.match === 'any') return byEmployees || byRevenue;
  return (
    (minEmployees === undefined || byEmployees) && (minAnnualRevenue === undefined || byRevenue)
  );
}

function tierName(tier: SizeTier): string {
  return tier.name ?? tier.id;
}

/** Levels scaled to 0..1 between the most junior and most senior rep; missing counts as 0. */
function scaledLevels(levels: Float64Array): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of levels) {
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return Float64Array.from(levels, (v) =>
    Number.isFinite(v) && hi > lo ? (v - lo) / (hi - lo) : 0,
  );
}
