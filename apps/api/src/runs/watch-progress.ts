import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { runs, type RunStatus } from '../db/schema/index.js';
import { ApiError, notFound } from '../errors.js';
import type { WorkspaceContext } from '../context.js';
import { runStatusSchema } from './run-view.js';

/** How often a watcher reads the run's row: the job engine writes progress at most this often. */
export const POLL_EVERY_MS = 250;

const FINISHED: ReadonlySet<RunStatus> = new Set(['done', 'failed', 'cancelled']);

export const runProgressSchema = z.object({
  status: runStatusSchema,
  progress: z.number().min(0).max(1),
  message: z.string(),
});
export type RunProgressEvent = z.infer<typeof runProgressSchema>;

/**
 * A run's progress as it changes: the current state at once, then each change, ending after
 * the run finishes (done, failed or cancelled) or when `signal` aborts (the client left). Reads
 * the row, so it follows runs executed by any worker process. 404 for another workspace's run;
 * a run deleted while watched ends the stream. When the server stops, the stream fails with a
 * server error, which tells a tRPC client to reconnect (to another server, behind a balancer).
 */
export async function* watchRunProgress({
  ctx,
  input,
  signal,
}: {
  ctx: WorkspaceContext;
  input: { runId: string };
  signal?: AbortSignal | undefined;
}): AsyncGenerator<RunProgressEvent, void, undefined> {
  const { stopping } = ctx.services;
  const stop = AbortSignal.any([signal, stopping].filter((s) => s !== undefined));
  let last: string | null = null;
  while (!stop.aborted) {
    const [row] = await ctx.services.db
      .select({ status: runs.status, progress: runs.progress, message: runs.message })
      .from(runs)
      .where(and(eq(runs.id, input.runId), eq(runs.workspaceId, ctx.actor.workspaceId)));
    if (!row) {
      if (last === null) throw notFound('run', input.runId);
      return;
    }
    const key = `${row.status}\u0000${row.progress}\u0000${row.message}`;
    if (key !== last) {
      last = key;
      yield row;
    }
    if (FINISHED.has(row.status)) return;
    try {
      await sleep(POLL_EVERY_MS, undefined, { signal: stop });
    } catch {
      break;
    }
  }
  if (stopping?.aborted && !signal?.aborted) {
    throw new ApiError('INTERNAL', 'the server is stopping: reconnect to keep following the run');
  }
}
