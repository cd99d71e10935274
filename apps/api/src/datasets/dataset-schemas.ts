import { z } from 'zod';

/** A dataset's id, as routes take it. */
export const datasetIdSchema = z.string().min(1).max(100).describe('the dataset id (`ds_…`)');

/** A dataset's name: what the planner sees in lists. */
export const datasetNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

/** What an import answers: the new dataset and what was kept despite a doubt. */
export const createdDatasetSchema = z.object({
  id: z.string(),
  name: z.string(),
  accounts: z.number().int().describe('accounts imported'),
  reps: z.number().int().describe('reps imported'),
  warnings: z
    .array(z.string())
    .describe('rows imported with a doubt (an owner that names no rep, …), at most 100 lines'),
});

const columnsSchema = z.object({ accounts: z.array(z.string()), reps: z.array(z.string()) });

/** A dataset without its tables: counts, totals, where it lies, which columns hold data. */
export const datasetSummarySchema = createdDatasetSchema.extend({
  createdAt: z.iso.datetime(),
  totals: z
    .object({ workload: z.number(), potential: z.number(), revenue: z.number() })
    .describe('sums over the accounts, missing values left out'),
  bounds: z
    .tuple([z.number(), z.number(), z.number(), z.number()])
    .nullable()
    .describe(
      '[west, south, east, north] in degrees around the located accounts; null when none is',
    ),
  located: z.number().int().describe('accounts with both lat and lon'),
  columns: columnsSchema.describe(
    'columns holding data: contract columns by their CSV names, then attribute columns',
  ),
  attributes: columnsSchema.describe('which of `columns` are attribute columns'),
  baseline: z.boolean().describe('whether a baseline plan was imported with the dataset'),
});

/** A dataset in a list: its summary without the warnings. */
export const datasetListItemSchema = datasetSummarySchema.omit({ warnings: true });

/** One account as JSON: missing values are null. */
export const accountRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  postalCode: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  industry: z.string().nullable(),
  employees: z.number().nullable(),
  annualRevenue: z.number().nullable(),
  potential: z.number().nullable(),
  revenue: z.number().nullable(),
  workload: z.number().nullable(),
  owner: z.string().nullable(),
  locked: z.boolean(),
  skillsRequired: z.array(z.string()),
  attributes: z.record(z.string(), z.string()),
});

export const MAX_PAGE = 1000;

export const accountPageInputSchema = z.object({
  id: datasetIdSchema,
  filter: z
    .string()
    .max(10_000)
    .optional()
    .describe('the filter language of docs/filters.md, e.g. `region = "West" and potential > 1e5`'),
  limit: z.number().int().min(1).max(MAX_PAGE).default(100).describe('rows per page, 1 to 1000'),
  cursor: z
    .string()
    .max(100)
    .optional()
    .describe('the `nextCursor` of the previous page; leave out for the first'),
});

export const accountPageSchema = z.object({
  rows: z.array(accountRowSchema),
  nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null at the end'),
  total: z.number().int().describe('accounts matching the filter, over all pages'),
});

export const MAX_SAMPLE_ACCOUNTS = 200_000;

export const sampleInputSchema = z.object({
  name: datasetNameSchema.optional(),
  accounts: z.number().int().min(1).max(MAX_SAMPLE_ACCOUNTS).default(10_000),
  reps: z.number().int().min(1).max(10_000).default(50),
  seed: z.number().int().default(1).describe('the same seed gives the same dataset'),
});
