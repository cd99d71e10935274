import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import { runs, scenarios } from '../db/schema/index.js';
import { checkQueueRoom } from '../jobs/queued-jobs.js';
import { ApiError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { WorkspaceContext } from '../context.js';
import { toRunSummary, toRunView, type RunSummary, type RunView } from './run-view.js';

/** Statuses a run leaves only by finishing: they count against the workspace's queue. */
export const ACTIVE_STATUSES = ['queued', 'running'] as const;

// Everything but the plan, which only downloads and comparisons read.
const { plan: _plan, planTerritories: _territories, ...withoutPlan } = getTableColumns(runs);
const { report: _report, ...summaryColumns } = withoutPlan;

/**
 * Queues a run of the scenario as it is now (its body and revision are copied into the run, so
 * later saves do not change it). A workspace has at most `maxQueuedJobs` runs and sweep points
 * queued or running; the count and the insert happen under a lock on the workspace row, so two
 * requests cannot both take the last slot.
 */
export async function createRun({
  ctx,
  input,
}: {
  ctx: WorkspaceContext;
  input: { scenarioId: string };
}): Promise<{ runId: string }> {
  const { db, config, jobs } = ctx.services;
  const { workspaceId } = ctx.actor;
  const runId = newId('run');
  await db.transaction(async (tx) => {
    const [scenario] = await tx
      .select({
        datasetId: scenarios.datasetId,
        revision: scenarios.revision,
        body: scenarios.body,
      })
      .from(scenarios)
      .where(and(eq(scenarios.id, input.scenarioId), eq(scenarios.workspaceId, workspaceId)));
    if (!scenario) throw notFound('scenario', input.scenarioId);
    // Runs and sweep points share the workspace's queue; this locks the workspace's row.
    await checkQueueRoom(tx, workspaceId, 1, config.maxQueuedJobs);
    await tx.insert(runs).values({
      id: runId,
      workspaceId,
      scenarioId: input.scenarioId,
      datasetId: scenario.datasetId,
      scenarioRevision: scenario.revision,
      scenario: scenario.body,
      status: 'queued',
      message: 'queued',
    });
  });
  try {
    await jobs.enqueueRun(runId);
  } catch (error) {
    // A run nobody will take must not sit as queued, holding a slot forever.
    await db
      .update(runs)
      .set({
        status: 'failed',
        finishedAt: new Date(),
        message: 'the run could not be queued',
        error: { code: 'INTERNAL', message: 'the run could not be queued' },
      })
      .where(eq(runs.id, runId));
    throw error;
  }
  return { runId };
}

export async function getRun({
  ctx,
  input,
}: {
  ctx: WorkspaceContext;
  input: { runId: string };
}): Promise<RunView> {
  const { reads } = ctx.services;
  const { workspaceId } = ctx.actor;
  const kept = reads?.run(workspaceId, input.runId);
  if (kept) return kept;
  const ticket = reads?.ticket() ?? 0;
  const [row] = await ctx.services.db
    .select(withoutPlan)
    .from(runs)
    .where(and(eq(runs.id, input.runId), eq(runs.workspaceId, workspaceId)));
  if (!row) throw notFound('run', input.runId);
  const view = toRunView(row);
  reads?.keepRun(workspaceId, input.runId, view.status, view, ticket);
  return view;
}

/** The workspace's runs, newest first; of one scenario when it is named (404 if unknown). */
export async function listRuns({
  ctx,
  input,
}: {
  ctx: WorkspaceContext;
  input: { scenarioId?: string | undefined; limit: number };
}): Promise<RunSummary[]> {
  const { db } = ctx.services;
  const { workspaceId } = ctx.actor;
  if (input.scenarioId !== undefined) {
    const [scenario] = await db
      .select({ id: scenarios.id })
      .from(scenarios)
      .where(and(eq(scenarios.id, input.scenarioId), eq(scenarios.workspaceId, workspaceId)));
    if (!scenario) throw notFound('scenario', input.scenarioId);
  }
  const rows = await db
    .select(summaryColumns)
    .from(runs)
    .where(
      and(
        eq(runs.workspaceId, workspaceId),
        input.scenarioId === undefined ? undefined : eq(runs.scenarioId, input.scenarioId),
      ),
    )
    .orderBy(desc(runs.createdAt), desc(runs.id))
    .limit(input.limit);
  return rows.map(toRunSummary);
}

/**
 * Cancels a queued or running run: the row says cancelled at once, and a running strategy is
 * stopped by the job engine at its next progress report. A finished run is a CONFLICT.
 */
export async function cancelRun({
  ctx,
  input,
}: {
  ctx: WorkspaceContext;
  input: { runId: string };
}): Promise<{ id: string; status: 'cancelled' }> {
  const { db, jobs } = ctx.services;
  const mine = and(eq(runs.id, input.runId), eq(runs.workspaceId, ctx.actor.workspaceId));
  const [before] = await db.select({ status: runs.status }).from(runs).where(mine);
  if (!before) throw notFound('run', input.runId);
  if (await jobs.cancelRun(input.runId)) return { id: input.runId, status: 'cancelled' };
  const [after] = await db.select({ status: runs.status }).from(runs).where(mine);
  if (!after) throw notFound('run', input.runId);
  throw new ApiError(
    'CONFLICT',
    `run "${input.runId}" is already ${after.status}: only a queued or running run can be cancelled`,
    { status: after.status },
  );
}
