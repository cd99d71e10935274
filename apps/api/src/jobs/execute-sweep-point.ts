import { sweepRow, type ScenarioOutcome } from '@tessera/scenarios';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { sweepPoints, sweeps, type StoredSweepRow } from '../db/schema/index.js';
import {
  AttemptControl,
  describeFailure,
  type AttemptOutcome,
  type AttemptSignals,
} from './attempt.js';
import { withBoundaries } from './boundaries-envelope.js';
import type { RunExecution } from './execute-run.js';

/**
 * Runs one point of a sweep and stores its row (figures, warnings) or its error, as `runSweep`
 * would have. Claimed and fenced by attempt like a run: a worker that lost the point writes
 * nothing, and a shutdown puts it back in the queue (`requeued`).
 */
export async function executeSweepPoint(
  exec: RunExecution,
  point: { sweepId: string; index: number },
  signals: AttemptSignals,
): Promise<AttemptOutcome> {
  const { db } = exec;
  const key = and(eq(sweepPoints.sweepId, point.sweepId), eq(sweepPoints.index, point.index));
  const [claimed] = await db
    .update(sweepPoints)
    .set({ status: 'running', startedAt: new Date(), attempts: sql`${sweepPoints.attempts} + 1` })
    .where(and(key, inArray(sweepPoints.status, ['queued', 'running'])))
    .returning();
  if (!claimed) return 'skipped'; // finished, or its sweep was deleted
  const mine = and(
    key,
    eq(sweepPoints.attempts, claimed.attempts),
    eq(sweepPoints.status, 'running'),
  );
  using control = new AttemptControl(signals);
  const started = performance.now();
  let outcome: ScenarioOutcome | null = null;
  let failure: { code: string; message: string } | null = null;
  try {
    const [sweep] = await db
      .select({ workspaceId: sweeps.workspaceId, datasetId: sweeps.datasetId })
      .from(sweeps)
      .where(eq(sweeps.id, point.sweepId));
    if (!sweep) return 'skipped';
    const dataset = await exec.datasets.load(sweep.workspaceId, sweep.datasetId);
    const boundaries = await exec.boundaries.source(sweep.workspaceId, sweep.datasetId);
    outcome = await exec.threads.runOutcome(dataset, withBoundaries(claimed.scenario, boundaries), {
      signal: control.signal,
    });
  } catch (error) {
    switch (control.interruption) {
      case 'shutdown': {
        const back = await db
          .update(sweepPoints)
          .set({ status: 'queued' })
          .where(mine)
          .returning({ index: sweepPoints.index });
        return back.length > 0 ? 'requeued' : 'lost';
      }
      case 'lost':
      case 'cancelled':
        return 'lost';
      case null:
        break;
    }
    failure = describeFailure(error);
    if (failure.code === 'INTERNAL') {
      exec.log.error(`sweep ${point.sweepId} point ${point.index}`, error);
    }
  }
  const { row, warnings } = storedSweepRow(claimed, outcome, {
    ms: performance.now() - started,
    error: failure?.message ?? null,
  });
  const written = await db
    .update(sweepPoints)
    .set({
      status: failure ? 'failed' : 'done',
      finishedAt: new Date(),
      row,
      warnings,
      error: failure,
    })
    .where(mine)
    .returning({ index: sweepPoints.index });
  if (written.length === 0) return 'lost';
  return failure ? 'failed' : 'done';
}

/**
 * `runSweep`'s row for one point, split as it is stored: the warnings apart, and without what
 * is known only once every point is in (the same-plan link, the frontier).
 */
export function storedSweepRow(
  point: Parameters<typeof sweepRow>[0],
  outcome: ScenarioOutcome | null,
  run: { ms: number; error: string | null },
): { row: StoredSweepRow; warnings: string[] } {
  const {
    warnings,
    samePlanAs: _samePlan,
    nonDominated: _frontier,
    ...row
  } = sweepRow(point, outcome, run);
  return { row, warnings };
}
