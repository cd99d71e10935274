import type { ScenarioPool } from '@tessera/scenarios';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { runs } from '../db/schema/index.js';
import type { DatasetStore } from '../datasets/dataset-store.js';
import type { Log } from '../services/services.js';

// Progress reaches the database at most this often: enough for a bar, cheap for the database.
const PROGRESS_EVERY_MS = 250;

export interface RunExecution {
  db: Database;
  pool: ScenarioPool;
  datasets: DatasetStore;
  log: Log;
}

/** Why a run stopped before its end: cancelled by a caller, or the process shutting down. */
export class RunInterrupted extends Error {
  constructor(readonly reason: 'cancelled' | 'shutdown') {
    super(reason === 'cancelled' ? 'the run was cancelled' : 'the server is shutting down');
  }
}

/**
 * Runs one stored run to its end. The row is claimed (queued, or running after a crash, goes
 * to running), progress is written as it comes, and the result or the reason it failed is
 * stored. A cancel seen in the row aborts the strategy; a shutdown puts the run back in the
 * queue and rethrows, so the queue hands the job to a worker that stays.
 */
export async function executeRun(
  exec: RunExecution,
  runId: string,
  signal: AbortSignal,
): Promise<void> {
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
  if (!run) return; // cancelled, or finished by a worker that took it first
  const controller = new AbortController();
  const abort = (reason: RunInterrupted) => {
    controller.abort(reason);
  };
  const onShutdown = () => {
    abort(new RunInterrupted('shutdown'));
  };
  signal.addEventListener('abort', onShutdown, { once: true });
  let lastWrite = 0;
  let writing: Promise<void> = Promise.resolve();
  try {
    const dataset = await exec.datasets.load(run.workspaceId, run.datasetId);
    const result = await exec.pool.run(dataset, run.scenario, {
      signal: controller.signal,
      onProgress: (progress) => {
        const now = Date.now();
        if (now - lastWrite < PROGRESS_EVERY_MS && progress.fraction < 1) return;
        lastWrite = now;
        writing = writing.then(async () => {
          const still = await db
            .update(runs)
            .set({ progress: progress.fraction, message: progress.message ?? progress.stage })
            .where(and(eq(runs.id, runId), eq(runs.status, 'running')))
            .returning({ id: runs.id });
          if (still.length === 0) abort(new RunInterrupted('cancelled'));
        });
      },
    });
    await writing;
    const territoryOf = result.plan.territoryOf;
    await db
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
      .where(and(eq(runs.id, runId), eq(runs.status, 'running')));
  } catch (error) {
    await writing.catch(() => undefined);
    const reason = controller.signal.reason as unknown;
    if (reason instanceof RunInterrupted && reason.reason === 'shutdown') {
      await db
        .update(runs)
        .set({ status: 'queued', message: 'queued again: the server that ran it stopped' })
        .where(and(eq(runs.id, runId), eq(runs.status, 'running')));
      throw reason;
    }
    if (reason instanceof RunInterrupted) return; // the row already says cancelled
    const failure = describeFailure(error);
    if (failure.code === 'INTERNAL') exec.log.error(`run ${runId}`, error);
    await db
      .update(runs)
      .set({ status: 'failed', finishedAt: new Date(), error: failure, message: failure.message })
      .where(and(eq(runs.id, runId), eq(runs.status, 'running')));
  } finally {
    signal.removeEventListener('abort', onShutdown);
  }
}

/** A failed run's reason: Tessera's own errors say what was wrong; anything else is internal. */
function describeFailure(error: unknown): { code: string; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && error instanceof Error && error.name === 'TesseraError') {
    return { code, message };
  }
  if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return { code, message };
  return { code: 'INTERNAL', message: 'the run failed unexpectedly: the server logged it' };
}
