import { index, integer, jsonb, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea, datasets } from './datasets.js';
import { scenarios } from './scenarios.js';
import { workspaces } from './workspaces.js';

export const RUN_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** What a finished run keeps besides its plan: the report the API returns. */
export interface RunReport {
  metrics: unknown;
  territories: unknown[];
  warnings: string[];
  infeasible: unknown;
  timings: unknown;
}

/** A scenario run: a job until it is done, then its report and plan. */
export const runs = pgTable(
  'runs',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    scenarioId: text('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    /** The dataset as it was when the run was asked for: a later save may point elsewhere. */
    datasetId: text('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    /** The scenario as it was when the run was asked for: later edits do not change it. */
    scenarioRevision: integer('scenario_revision').notNull(),
    scenario: jsonb('scenario').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: RUN_STATUSES }).notNull(),
    progress: real('progress').notNull().default(0),
    message: text('message').notNull().default(''),
    report: jsonb('report').$type<RunReport>(),
    /** The plan: `territoryOf` as little-endian Int32, territories in `report`. */
    plan: bytea('plan'),
    planTerritories: jsonb('plan_territories').$type<unknown[]>(),
    error: jsonb('error').$type<{ code: string; message: string }>(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('runs_workspace').on(t.workspaceId),
    index('runs_status').on(t.status),
    index('runs_scenario').on(t.scenarioId),
  ],
);
