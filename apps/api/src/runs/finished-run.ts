import type { PlanMetrics, Territory } from '@tessera/core';
import { toScenarioRun, type ScenarioOutcome, type ScenarioRun } from '@tessera/scenarios';
import { and, eq } from 'drizzle-orm';
import { runs } from '../db/schema/index.js';
import { ApiError, notFound } from '../errors.js';
import type { WorkspaceContext } from '../context.js';

/**
 * A done run as the scenarios package holds one: its stored plan and report joined with the
 * accounts and reps after the scenario's edits, rebuilt by applying the edits to the run's
 * dataset again (cheap, deterministic, no strategy), as a scenario pool does when a worker
 * answers. 404 for another workspace's run, CONFLICT for one that is not done.
 */
export async function loadFinishedRun(ctx: WorkspaceContext, runId: string): Promise<ScenarioRun> {
  const [row] = await ctx.services.db
    .select({
      status: runs.status,
      datasetId: runs.datasetId,
      scenario: runs.scenario,
      report: runs.report,
      plan: runs.plan,
      planTerritories: runs.planTerritories,
    })
    .from(runs)
    .where(and(eq(runs.id, runId), eq(runs.workspaceId, ctx.actor.workspaceId)));
  if (!row) throw notFound('run', runId);
  if (row.status !== 'done' || !row.report || !row.plan || !row.planTerritories) {
    throw new ApiError('CONFLICT', `run "${runId}" is ${row.status}: only a done run has a plan`, {
      status: row.status,
    });
  }
  const dataset = await ctx.services.datasets.load(ctx.actor.workspaceId, row.datasetId);
  const { report } = row;
  return toScenarioRun(dataset, row.scenario, {
    name: typeof row.scenario.name === 'string' ? row.scenario.name : runId,
    plan: {
      territoryOf: territoryOfFrom(row.plan),
      territories: row.planTerritories as Territory[],
    },
    metrics: report.metrics as PlanMetrics,
    territories: report.territories as ScenarioOutcome['territories'],
    warnings: report.warnings,
    infeasible: report.infeasible as ScenarioOutcome['infeasible'],
    timings: report.timings as ScenarioOutcome['timings'],
  });
}

/**
 * The stored plan's `territoryOf` (little-endian Int32). Copied, because a driver's buffer may
 * start at an offset an Int32Array cannot view.
 */
function territoryOfFrom(bytes: Uint8Array): Int32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Int32Array(bytes.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt32(i * 4, true);
  return out;
}
