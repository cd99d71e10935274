import { z } from 'zod';
import { ApiError, toTrpcError } from '../errors.js';
import { asyncIterableOf } from '../runs/async-iterable-schema.js';
import { cancelRun, createRun, getRun, listRuns } from '../runs/run-service.js';
import { runSchema, runSummarySchema } from '../runs/run-view.js';
import { runProgressSchema, watchRunProgress } from '../runs/watch-progress.js';
import { plannerProcedure, router, viewerProcedure } from '../trpc.js';

const runId = z.string().min(1).describe('run id (run_…)');
const TAGS = ['runs'];

export const runsRouter = router({
  create: plannerProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/scenarios/{scenarioId}/runs',
        protect: true,
        tags: TAGS,
        summary: 'Run a scenario as it is now: queued as a job; poll the run or watch its progress',
      },
      status: 202,
    })
    .input(z.object({ scenarioId: z.string().min(1).describe('scenario id (sc_…)') }))
    .output(z.object({ runId: z.string() }))
    .mutation(({ ctx, input }) => createRun({ ctx, input })),

  get: viewerProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/runs/{runId}',
        protect: true,
        tags: TAGS,
        summary: 'A run: its status and progress, and its metrics and territories once done',
      },
    })
    .input(z.object({ runId }))
    .output(runSchema)
    .query(({ ctx, input }) => getRun({ ctx, input })),

  list: viewerProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/runs',
        protect: true,
        tags: TAGS,
        summary: "The workspace's runs, newest first, optionally of one scenario",
      },
    })
    .input(
      z.object({
        scenarioId: z.string().min(1).optional().describe('only the runs of this scenario'),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
      }),
    )
    .output(z.array(runSummarySchema))
    .query(({ ctx, input }) => listRuns({ ctx, input })),

  cancel: plannerProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/runs/{runId}/cancel',
        protect: true,
        tags: TAGS,
        summary: 'Cancel a queued or running run; 409 when it has already finished',
      },
    })
    .input(z.object({ runId }))
    .output(z.object({ id: z.string(), status: z.literal('cancelled') }))
    .mutation(({ ctx, input }) => cancelRun({ ctx, input })),

  /** Progress over server-sent events (`httpSubscriptionLink`), until the run finishes. */
  progress: viewerProcedure
    .input(z.object({ runId }))
    .output(asyncIterableOf(runProgressSchema))
    .subscription(async function* ({ ctx, input, signal }) {
      try {
        yield* watchRunProgress({ ctx, input, signal });
      } catch (error) {
        // Thrown while streaming, past the middleware that maps service errors: a 404 must
        // reach the client as a 404, not as a 500 it would retry.
        throw error instanceof ApiError ? toTrpcError(error) : error;
      }
    }),
});
