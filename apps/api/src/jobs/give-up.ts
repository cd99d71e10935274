import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { runs, sweepPoints } from '../db/schema/index.js';
import { storedSweepRow } from './execute-sweep-point.js';
import { RETRY_LIMIT } from './queues.js';

/**
 * What a job's dead letter says: every attempt ended without a result, because the worker that
 * held it stopped sending heartbeats (killed, or cut off from the database) or ran out of time.
 */
export const GAVE_UP = {
  code: 'WORKER_LOST',
  message: `given up after ${RETRY_LIMIT + 1} attempts: each time, the worker running it stopped (killed, or cut off from the database) or ran out of time`,
} as const;

/** A run whose job was dead-lettered: failed with the reason, unless something finished it. */
export async function giveUpRun(db: Database, runId: string): Promise<boolean> {
  const failed = await db
    .update(runs)
    .set({ status: 'failed', finishedAt: new Date(), error: GAVE_UP, message: GAVE_UP.message })
    .where(and(eq(runs.id, runId), inArray(runs.status, ['queued', 'running'])))
    .returning({ id: runs.id });
  return failed.length > 0;
}

/** A sweep point whose job was dead-lettered: a failed row, as a run that threw would give. */
export async function giveUpSweepPoint(
  db: Database,
  point: { sweepId: string; index: number },
): Promise<boolean> {
  const [row] = await db
    .select({ name: sweepPoints.name, strategy: sweepPoints.strategy, values: sweepPoints.values })
    .from(sweepPoints)
    .where(and(eq(sweepPoints.sweepId, point.sweepId), eq(sweepPoints.index, point.index)));
  if (!row) return false;
  const failed = await db
    .update(sweepPoints)
    .set({
      status: 'failed',
      finishedAt: new Date(),
      ...storedSweepRow(row, null, { ms: 0, error: GAVE_UP.message }),
      error: GAVE_UP,
    })
    .where(
      and(
        eq(sweepPoints.sweepId, point.sweepId),
        eq(sweepPoints.index, point.index),
        inArray(sweepPoints.status, ['queued', 'running']),
      ),
    )
    .returning({ index: sweepPoints.index });
  return failed.length > 0;
}
