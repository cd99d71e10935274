import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { datasets } from './datasets.js';
import { workspaces } from './workspaces.js';

/**
 * A saved scenario. `revision` counts saves: a write names the revision it was read at and
 * fails when another write came first (optimistic concurrency), so nothing is overwritten.
 */
export const scenarios = pgTable(
  'scenarios',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    datasetId: text('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    revision: integer('revision').notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('scenarios_workspace').on(t.workspaceId)],
);
