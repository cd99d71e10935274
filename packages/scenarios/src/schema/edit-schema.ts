import { z } from 'zod';
import { filterSchema } from '../filter/index.js';

const id = z.string().min(1, 'must not be empty');
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

/**
 * Which accounts an edit touches: listed ids, or a filter in the filter language
 * (docs/filters.md), e.g. `region = "West" and potential > 100000`.
 */
export const accountSelectionSchema = z.union([
  z.object({ ids: z.array(id).min(1, 'lists no account').describe('account ids') }).strict(),
  z.object({ filter: filterSchema.describe('a filter expression (docs/filters.md)') }).strict(),
]);
export type AccountSelection = z.output<typeof accountSelectionSchema>;

const newRepSchema = z
  .object({
    id,
    name: z.string().optional(),
    lat: latitude.describe('home base latitude (WGS84 degrees)'),
    lon: longitude.describe('home base longitude (WGS84 degrees)'),
    capacity: z.number().min(0).describe('workload units the rep can carry'),
    skills: z.array(id).default([]).describe('tags such as industry:healthcare'),
    // A number or a title, as reps.csv takes it: a title the ladder does not know is kept
    // unranked, never refused (packages/core, "Rep levels").
    level: z
      .union([z.number(), z.string()])
      .optional()
      .describe(
        'seniority: a number (higher is more senior) or a title such as "Senior AE" or "AE II", ranked on the level ladder',
      ),
  })
  .strict();
/** A rep an `add-rep` edit hires, as parsed. */
export type NewRep = z.output<typeof newRepSchema>;

const newAccountSchema = z
  .object({
    id,
    name: z.string().optional(),
    lat: latitude.optional(),
    lon: longitude.optional(),
    postalCode: z.string().optional(),
    region: z.string().optional(),
    country: z.string().optional(),
    industry: z.string().optional(),
    employees: z.number().min(0).optional(),
    annualRevenue: z.number().min(0).optional(),
    potential: z.number().min(0).optional(),
    revenue: z.number().min(0).optional(),
    workload: z.number().min(0).optional(),
    owner: z.string().optional().describe('current owner (rep id): the baseline'),
    locked: z.boolean().optional(),
    skillsRequired: z.array(id).optional(),
    attributes: z.record(z.string(), z.string()).optional(),
  })
  .strict()
  .refine((a) => (a.lat === undefined) === (a.lon === undefined), {
    message: 'give both lat and lon, or neither',
  });

/** The what-if edits a scenario applies, in order, to a copy of its dataset. */
export const editSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('add-rep'), rep: newRepSchema })
    .strict()
    .describe('hire a rep'),
  z
    .object({ type: z.literal('remove-rep'), rep: id })
    .strict()
    .describe('a rep leaves: their accounts are re-homed by the strategy'),
  z
    .object({ type: z.literal('move-rep'), rep: id, lat: latitude, lon: longitude })
    .strict()
    .describe("move a rep's home base"),
  z
    .object({ type: z.literal('set-capacity'), rep: id, capacity: z.number().min(0) })
    .strict()
    .describe("change a rep's capacity (workload units)"),
  z
    .object({ type: z.literal('reassign'), accounts: accountSelectionSchema, to: id })
    .strict()
    .describe('give accounts to a rep; they stay there (locked) in this scenario'),
  z
    .object({ type: z.literal('lock'), accounts: accountSelectionSchema })
    .strict()
    .describe('keep accounts with their current owner'),
  z
    .object({ type: z.literal('unlock'), accounts: accountSelectionSchema })
    .strict()
    .describe('let the strategy move accounts again (also undoes a reassign)'),
  z
    .object({
      type: z.literal('scale'),
      measure: z.enum(['potential', 'workload']),
      factor: z.number().min(0).describe('multiplier, e.g. 2 doubles, 0.8 cuts by 20%'),
      accounts: accountSelectionSchema,
    })
    .strict()
    .describe('scale potential or workload of the selected accounts'),
  z
    .object({
      type: z.literal('add-accounts'),
      accounts: z.array(newAccountSchema).min(1, 'lists no account'),
    })
    .strict()
    .describe('new accounts (a market entry, an acquisition)'),
  z
    .object({ type: z.literal('remove-accounts'), accounts: accountSelectionSchema })
    .strict()
    .describe('drop accounts (churned, sold off)'),
]);

export type Edit = z.output<typeof editSchema>;
export type EditInput = z.input<typeof editSchema>;
export type EditType = Edit['type'];
