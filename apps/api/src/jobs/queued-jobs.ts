import { and, count, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { runs, sweepPoints, sweeps, workspaces } from '../db/schema/index.js';
import { ApiError } from '../errors.js';

/** What reads and writes inside `db.transaction(…)`: the transaction or the database. */
type Reader = Pick<Database, 'select'>;

/** Jobs of a workspace not finished yet: runs and sweep points queued or running. */
export async function activeJobs(db: Reader, workspaceId: string): Promise<number> {
  const [activeRuns] = await db
    .select({ n: count() })
    .from(runs)
    .where(and(eq(runs.workspaceId, workspaceId), inArray(runs.status, ['queued', 'running'])));
  const [activePoints] = await db
    .select({ n: count() })
    .from(sweepPoints)
    .innerJoin(sweeps, eq(sweeps.id, sweepPoints.sweepId))
    .where(
      and(eq(sweeps.workspaceId, workspaceId), inArray(sweepPoints.status, ['queued', 'running'])),
    );
  return (activeRuns?.n ?? 0) + (activePoints?.n ?? 0);
}

/**
 * Refuses `adding` more jobs (429) when the workspace would then have more than `max` not
 * finished. Call it in the transaction that inserts them: it locks the workspace's row, so two
 * requests cannot both take the last places.
 */
export async function checkQueueRoom(
  tx: Reader,
  workspaceId: string,
  adding: number,
  max: number,
): Promise<void> {
  await tx
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for('update');
  const active = await activeJobs(tx, workspaceId);
  if (active + adding > max) {
    throw new ApiError(
      'LIMIT',
      `this queues ${adding} job${adding === 1 ? '' : 's'} and the workspace has ${active} queued or running: at most ${max} may be at once (TESSERA_MAX_QUEUED_JOBS); wait for some to finish`,
    );
  }
}
