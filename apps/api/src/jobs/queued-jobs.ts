import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { runs, sweepPoints, sweeps } from '../db/schema/index.js';
import { ApiError } from '../errors.js';

/** Jobs of a workspace waiting for a worker: queued runs and queued sweep points. */
export async function queuedJobs(db: Database, workspaceId: string): Promise<number> {
  const [queuedRuns] = await db
    .select({ n: count() })
    .from(runs)
    .where(and(eq(runs.workspaceId, workspaceId), eq(runs.status, 'queued')));
  const [queuedPoints] = await db
    .select({ n: count() })
    .from(sweepPoints)
    .innerJoin(sweeps, eq(sweeps.id, sweepPoints.sweepId))
    .where(and(eq(sweeps.workspaceId, workspaceId), eq(sweepPoints.status, 'queued')));
  return (queuedRuns?.n ?? 0) + (queuedPoints?.n ?? 0);
}

/** Refuses `adding` more jobs when the workspace would have more than `max` waiting (429). */
export async function checkQueueRoom(
  db: Database,
  workspaceId: string,
  adding: number,
  max: number,
): Promise<void> {
  const waiting = await queuedJobs(db, workspaceId);
  if (waiting + adding > max) {
    throw new ApiError(
      'LIMIT',
      `this queues ${adding} job${adding === 1 ? '' : 's'} and the workspace has ${waiting} waiting: at most ${max} may wait at once (TESSERA_MAX_QUEUED_JOBS); wait for some to finish`,
    );
  }
}
