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
  /** Columns holding data, contract columns by their CSV names, then attribute columns. */
  columns: { accounts: string[]; reps: string[] };
  /** Which of `columns` are attribute columns (kept as they came, `attr.<name>` in filters). */
  attributes: { accounts: string[]; reps: string[] };
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
 * A dataset's tables as core holds them (typed arrays, dictionary-encoded strings), written in
 * the same transaction as the dataset: a run loads them back without parsing. Each part is cut
 * into chunks of a few megabytes, numbered from 0, so neither database ever holds a whole
 * million-account part as one value (PGlite's memory grows to its largest statement and stays).
 */
export const datasetParts = pgTable(
  'dataset_parts',
  {
    datasetId: text('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    part: text('part', { enum: ['accounts', 'reps', 'baseline'] }).notNull(),
    chunk: integer('chunk').notNull().default(0),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.part, t.chunk] })],
);

export { bytea };

/**
 * A dataset's own building blocks: the boundaries file (a GeoJSON FeatureCollection) as it was
 * validated, zstd-compressed JSON text, rebuilt into blocks where a run executes. `version` is a
 * new id per upload: processes cache built blocks under it, so a replaced file is never served
 * from another process's cache.
 */
export const datasetBoundaries = pgTable('dataset_boundaries', {
  datasetId: text('dataset_id')
    .primaryKey()
    .references(() => datasets.id, { onDelete: 'cascade' }),
  version: text('version').notNull(),
  idProperty: text('id_property'),
  nameProperty: text('name_property'),
  blocks: integer('blocks').notNull(),
  /** The GeoJSON text's length in bytes, before compression. */
  bytes: integer('bytes').notNull(),
  geojson: bytea('geojson').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});
