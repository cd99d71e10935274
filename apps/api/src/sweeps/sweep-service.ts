import { TesseraError } from '@tessera/core';
import {
  expandSweep,
  markNonDominated,
  markSamePlans,
  parseScenario,
  parseSweep,
  sweepWarnings,
  type SweepPoint,
} from '@tessera/scenarios';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { scenarios, sweepPoints, sweeps } from '../db/schema/index.js';
import { ApiError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { checkQueueRoom } from '../jobs/queued-jobs.js';
import type { WorkspaceContext } from '../context.js';
import type { SweepRequest, SweepResult, SweepRowOut } from './sweep-schemas.js';

/**
 * Expands the grid over the stored scenario and queues one job per point; the sweep, its points
 * and their jobs are committed together. A grid the sweep format refuses (unknown strategy, bad
 * parameter values, too many points) is INVALID with the parser's message; points beyond the
 * workspace's room for unfinished jobs (TESSERA_MAX_QUEUED_JOBS) are refused as LIMIT.
 */
export async function createSweep({
  ctx,
  input,
}: {
  ctx: WorkspaceContext;
  input: SweepRequest;
}): Promise<{ id: string }> {
  const { db, jobs, config } = ctx.services;
  const { workspaceId } = ctx.actor;
  const [scenario] = await db
    .select()
    .from(scenarios)
    .where(and(eq(scenarios.id, input.scenarioId), eq(scenarios.workspaceId, workspaceId)));
  if (!scenario) throw notFound('scenario', input.scenarioId);
  const { scenarioId: _stored, ...sweepInput } = input;
  const points = expandPoints({ ...sweepInput, scenario: scenario.body }, ctx);

  const id = newId('sweep');
  await db.transaction(async (tx) => {
    await checkQueueRoom(tx, workspaceId, points.length, config.maxQueuedJobs);
    await tx.insert(sweeps).values({
      id,
      workspaceId,
      scenarioId: scenario.id,
      datasetId: scenario.datasetId,
      scenarioRevision: scenario.revision,
      name: input.name ?? scenario.name,
      request: sweepInput,
      total: points.length,
    });
    await tx.insert(sweepPoints).values(
      points.map((point, index) => ({
        sweepId: id,
        index,
        name: point.name,
        strategy: point.strategy,
        values: point.values,
        scenario: point.scenario,
        status: 'queued' as const,
      })),
    );
    await jobs.enqueueSweepPoints(tx, id, points.length);
  });
  return { id };
}

function expandPoints(sweepInput: unknown, ctx: WorkspaceContext): SweepPoint[] {
  const { registry } = ctx.services;
  try {
    const sweep = parseSweep(sweepInput);
    const { dataset: _files, ...base } = parseScenario(sweep.scenario, { registry });
    return expandSweep(sweep, base, registry);
  } catch (error) {
    if (error instanceof TesseraError) throw new ApiError('INVALID', error.message);
    throw error;
  }
}

/**
 * The sweep as far as it has got: counts, the finished points' rows in grid order and, once
 * every point has finished, the non-dominated set (as `runSweep` computes it).
 */
export async function getSweep({
  ctx,
  input,
}: {
  ctx: WorkspaceContext;
  input: { id: string };
}): Promise<SweepResult> {
  const { db } = ctx.services;
  const [sweep] = await db
    .select()
    .from(sweeps)
    .where(and(eq(sweeps.id, input.id), eq(sweeps.workspaceId, ctx.actor.workspaceId)));
  if (!sweep) throw notFound('sweep', input.id);
  const points = await db
    .select({
      index: sweepPoints.index,
      status: sweepPoints.status,
      row: sweepPoints.row,
      warnings: sweepPoints.warnings,
    })
    .from(sweepPoints)
    .where(and(eq(sweepPoints.sweepId, sweep.id), inArray(sweepPoints.status, ['done', 'failed'])))
    .orderBy(asc(sweepPoints.index));
  const rows: SweepRowOut[] = points.flatMap((point) =>
    point.row
      ? [
          {
            index: point.index,
            ...point.row,
            warnings: point.warnings ?? [],
            samePlanAs: null,
            nonDominated: false,
          },
        ]
      : [],
  );
  const done = points.filter((p) => p.status === 'done').length;
  const failed = points.length - done;
  const finished = points.length === sweep.total;
  // What compares points with each other waits for all of them, as `runSweep` does.
  let frontier: number[] = [];
  let warnings: string[] = [];
  if (finished) {
    markSamePlans(rows);
    for (const row of rows)
      row.samePlanAs = row.samePlanAs === null ? null : rows[row.samePlanAs]!.index;
    frontier = markNonDominated(rows).map((i) => rows[i]!.index);
    warnings = sweepWarnings(rows);
  }
  return {
    id: sweep.id,
    name: sweep.name,
    scenarioId: sweep.scenarioId,
    status: finished
      ? done === 0
        ? 'failed'
        : 'done'
      : await startedOrQueued(ctx, sweep.id, points.length),
    total: sweep.total,
    done,
    failed,
    rows,
    nonDominated: frontier,
    warnings,
    createdAt: sweep.createdAt.toISOString(),
  };
}

async function startedOrQueued(
  ctx: WorkspaceContext,
  sweepId: string,
  finished: number,
): Promise<'running' | 'queued'> {
  if (finished > 0) return 'running';
  const [running] = await ctx.services.db
    .select({ index: sweepPoints.index })
    .from(sweepPoints)
    .where(and(eq(sweepPoints.sweepId, sweepId), eq(sweepPoints.status, 'running')))
    .limit(1);
  return running ? 'running' : 'queued';
}
