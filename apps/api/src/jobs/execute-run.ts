import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { runs } from '../db/schema/index.js';
import type { BoundariesStore } from '../boundaries/boundaries-store.js';
import type { DatasetStore } from '../datasets/dataset-store.js';
import type { Log } from '../services/services.js';
import { withBoundaries } from './boundaries-envelope.js';
import type { JobThreads } from './job-threads.js';
import {
  AttemptControl,
  describeFailure,
  type AttemptOutcome,
  type AttemptSignals,
} from './attempt.js';

// Progress reaches the database at most this often: enough for a bar, cheap for the database.
const PROGRESS_EVERY_MS = 250;

export interface RunExecution {
  db: Database;
  threads: JobThreads;
  datasets: DatasetStore;
  boundaries: BoundariesStore;
  log: Log;
}

/**
 * Runs one stored run to its end. The row is claimed (queued, or running after its worker died,
 * goes to running with the next attempt number) and every later write names that attempt, so
 * a worker that lost its claim can never overwrite the one that took over. Progress is written
 * as it comes; the result or the reason it failed is stored. A cancel seen in the row aborts
 * the strategy; a shutdown puts the run back in the queue (`requeued`: the caller sends the job
 * again).
 */
export async function executeRun(
  exec: RunExecution,
  runId: string,
  signals: AttemptSignals,
): Promise<AttemptOutcome> {
  const { db } = exec;
  const [run] = await db
    .update(runs)
    .set({
      status: 'running',
      startedAt: new Date(),
      attempts: sql`${runs.attempts} + 1`,
      message: 'starting',
    })
    .where(and(eq(runs.id, runId), inArray(runs.status, ['queued', 'running'])))
    .returning();
  if (!run) return 'skipped'; // cancelled, finished, or deleted
  const mine = and(eq(runs.id, runId), eq(runs.attempts, run.attempts), eq(runs.status, 'running'));
  using control = new AttemptControl(signals);
  let lastWrite = 0;
  let writing: Promise<void> = Promise.resolve();
  try {
    const dataset = await exec.datasets.load(run.workspaceId, run.datasetId);
    const boundaries = await exec.boundaries.source(run.workspaceId, run.datasetId);
    // The outcome as the thread sends it: the stored plan is its arrays, and rebuilding the
    // scenario's edited tables on this side (as `pool.run` does) would copy the dataset for nothing.
    const result = await exec.threads.runOutcome(
      dataset,
      withBoundaries(run.scenario, boundaries),
      {
        signal: control.signal,
        onProgress: (progress) => {
          const now = Date.now();
          if (now - lastWrite < PROGRESS_EVERY_MS && progress.fraction < 1) return;
          lastWrite = now;
          writing = writing.then(async () => {
            const still = await db
              .update(runs)
              .set({ progress: progress.fraction, message: progress.message ?? progress.stage })
              .where(mine)
              .returning({ id: runs.id });
            // Cancelled by a caller, or claimed by another attempt: either way, not ours to finish.
            if (still.length === 0) control.interrupt('cancelled');
          });
        },
      },
    );
    await writing;
    const { territoryOf } = result.plan;
    const stored = await db
      .update(runs)
      .set({
        status: 'done',
        progress: 1,
        message: 'done',
        finishedAt: new Date(),
        report: {
          metrics: result.metrics,
          territories: result.territories,
          warnings: result.warnings,
          infeasible: result.infeasible ?? null,
          timings: result.timings,
        },
        plan: new Uint8Array(territoryOf.buffer, territoryOf.byteOffset, territoryOf.byteLength),
        planTerritories: [...result.plan.territories],
      })
      .where(mine)
      .returning({ id: runs.id });
    return stored.length > 0 ? 'done' : 'lost';
  } catch (error) {
    await writing.catch(() => undefined);
    switch (control.interruption) {
      case 'shutdown': {
        const back = await db
          .update(runs)
          .set({ status: 'queued', message: 'queued again: the worker that ran it stopped' })
          .where(mine)
          .returning({ id: runs.id });
        return back.length > 0 ? 'requeued' : 'lost';
      }
      case 'lost':
        return 'lost';
      case 'cancelled':
        return 'cancelled';
      case null:
        break;
    }
    const failure = describeFailure(error);
    if (failure.code === 'INTERNAL') exec.log.error(`run ${runId}`, error);
    const failed = await db
      .update(runs)
      .set({ status: 'failed', finishedAt: new Date(), error: failure, message: failure.message })
      .where(mine)
      .returning({ id: runs.id });
    return failed.length > 0 ? 'failed' : 'lost';
  }
}
