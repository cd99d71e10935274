import type { PlanMetrics } from '@tessera/core';
import type { RunTimings, ScenarioOutcome, TerritoryRow } from '@tessera/scenarios';
import { z } from 'zod';
import { RUN_STATUSES, type runs } from '../db/schema/index.js';
import {
  infeasibleSchema,
  planMetricsSchema,
  runTimingsSchema,
  territoryRowSchema,
} from './report-schemas.js';

type RunRow = typeof runs.$inferSelect;

export const runStatusSchema = z.enum(RUN_STATUSES);

/** A run as lists show it: where it is, without its report. */
export const runSummarySchema = z.object({
  id: z.string(),
  scenarioId: z.string(),
  scenarioRevision: z.number().int().describe('the revision of the scenario the run ran'),
  datasetId: z.string(),
  status: runStatusSchema,
  progress: z.number().min(0).max(1),
  message: z.string(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().optional(),
  finishedAt: z.iso.datetime().optional(),
});

/** A run with its report once it is done. */
export const runSchema = runSummarySchema.extend({
  metrics: planMetricsSchema.optional(),
  territories: z.array(territoryRowSchema).optional(),
  warnings: z.array(z.string()).optional(),
  infeasible: infeasibleSchema.optional(),
  timings: runTimingsSchema.optional(),
});

export type RunSummary = z.infer<typeof runSummarySchema>;
export type RunView = z.infer<typeof runSchema>;

export function toRunSummary(row: Omit<RunRow, 'report' | 'plan' | 'planTerritories'>): RunSummary {
  return {
    id: row.id,
    scenarioId: row.scenarioId,
    scenarioRevision: row.scenarioRevision,
    datasetId: row.datasetId,
    status: row.status,
    progress: row.progress,
    message: row.message,
    ...(row.error ? { error: row.error } : {}),
    createdAt: row.createdAt.toISOString(),
    ...(row.startedAt ? { startedAt: row.startedAt.toISOString() } : {}),
    ...(row.finishedAt ? { finishedAt: row.finishedAt.toISOString() } : {}),
  };
}

/** The run as `GET /api/runs/{runId}` answers it; the report's parts only when it has one. */
export function toRunView(row: Omit<RunRow, 'plan' | 'planTerritories'>): RunView {
  const summary = toRunSummary(row);
  if (!row.report) return summary;
  // executeRun wrote the report from these very types; the router's output schema checks it
  // on the way out, so it is not parsed twice per request.
  const { metrics, territories, warnings, infeasible, timings } = row.report;
  return {
    ...summary,
    metrics: metrics as PlanMetrics,
    territories: territories as TerritoryRow[],
    warnings,
    infeasible: infeasible as ScenarioOutcome['infeasible'],
    timings: timings as RunTimings,
  };
}
