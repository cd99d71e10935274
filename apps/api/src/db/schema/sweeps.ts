import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { SweepRow } from '@tessera/scenarios';
import { datasets } from './datasets.js';
import { scenarios } from './scenarios.js';
import { workspaces } from './workspaces.js';

/** A sweep point's life: one job each, taken by whichever worker process is free. */
export const SWEEP_POINT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type SweepPointStatus = (typeof SWEEP_POINT_STATUSES)[number];

/**
 * A point's row as `runSweep` reports it, less its warnings (a column of their own) and what
 * depends on the other points (the same-plan link, the frontier).
 */
export type StoredSweepRow = Omit<SweepRow, 'warnings' | 'samePlanAs' | 'nonDominated'>;

/**
 * A parameter sweep over a stored scenario: the grid as asked, expanded at once into
 * `sweep_points`, one job per point. Its status and rows are read from its points.
 */
export const sweeps = pgTable(
  'sweeps',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    scenarioId: text('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    /** The scenario's dataset and revision when the sweep was asked for. */
    datasetId: text('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    scenarioRevision: integer('scenario_revision').notNull(),
    name: text('name').notNull(),
    /** The sweep as asked: `{ version, name?, grid }`. */
    request: jsonb('request').$type<Record<string, unknown>>().notNull(),
    total: integer('total').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sweeps_workspace').on(t.workspaceId)],
);

/** One grid point of a sweep: the scenario it runs and, once run, its row or its error. */
export const sweepPoints = pgTable(
  'sweep_points',
  {
    sweepId: text('sweep_id')
      .notNull()
      .references(() => sweeps.id, { onDelete: 'cascade' }),
    index: integer('index').notNull(),
    name: text('name').notNull(),
    strategy: text('strategy').notNull(),
    values: jsonb('values').$type<Record<string, unknown>>().notNull(),
    scenario: jsonb('scenario').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: SWEEP_POINT_STATUSES }).notNull(),
    /** Claims so far; each write of a claim names it, so a superseded worker writes nothing. */
    attempts: integer('attempts').notNull().default(0),
    row: jsonb('row').$type<StoredSweepRow>(),
    warnings: jsonb('warnings').$type<string[]>(),
    error: jsonb('error').$type<{ code: string; message: string }>(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.sweepId, t.index] })],
);
