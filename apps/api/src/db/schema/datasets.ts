import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.js';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** What a dataset summary shows without loading its columns. */
export interface DatasetSummary {
  totals: { workload: number; potential: number; revenue: number };
  bounds: [west: number, south: number, east: number, north: number] | null;
  columns: { accounts: string[]; reps: string[] };
  located: number;
  baseline: boolean;
}

export const datasets = pgTable(
  'datasets',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    accounts: integer('accounts').notNull(),
    reps: integer('reps').notNull(),
    summary: jsonb('summary').$type<DatasetSummary>().notNull(),
    warnings: jsonb('warnings').$type<string[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('datasets_workspace').on(t.workspaceId)],
);

/**
 * A dataset's tables as core holds them (typed arrays, dictionary-encoded strings), one row per
 * part, written in the same transaction as the dataset: a run loads them back without parsing.
 */
export const datasetParts = pgTable(
  'dataset_parts',
  {
    datasetId: text('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    part: text('part', { enum: ['accounts', 'reps', 'baseline'] }).notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.part] })],
);

export { bytea };
