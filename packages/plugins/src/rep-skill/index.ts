import { definePlugin } from '@tessera/core';
import { z } from 'zod';
import { solveRepSkill } from './solve.js';

export { maxSkillMatchShare, type SkillMatchBoundOptions } from './skill-match-bound.js';

const params = z
  .object({
    tolerance: z
      .number()
      .min(0)
      .max(10)
      .default(0.05)
      .describe(
        'How far above its capacity a rep may go: load ≤ capacity × (1 + tolerance). A rep without a capacity gets an equal share of the total workload.',
      ),
    mismatchPenaltyKm: z
      .number()
      .positive()
      .optional()
      .describe(
        'Extra travel, in km per workload unit, that serving an account with a rep lacking its skills counts as. Omit it to put skill match strictly first and travel second.',
      ),
  })
  .strict();

/**
 * Assigns accounts to the reps holding the skills they need, within rep capacity, with travel
 * distance second: a transportation problem solved exactly as a linear program, then rounded to
 * one rep per account and repaired to capacity. See the README for the model.
 */
export const repSkill = definePlugin({
  id: 'rep-skill',
  name: 'Rep skill',
  version: '1.0.0',
  description:
    'Gives each account to a rep holding the skills it needs, within rep capacity (plus a tolerance), travelling as little as possible.',
  params,
  segment: (ctx, p) => solveRepSkill(ctx, p),
});
