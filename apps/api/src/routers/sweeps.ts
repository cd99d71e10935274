import { z } from 'zod';
import { sweepId, sweepRequestSchema, sweepResultSchema } from '../sweeps/sweep-schemas.js';
import { createSweep, getSweep } from '../sweeps/sweep-service.js';
import { plannerProcedure, router, viewerProcedure } from '../trpc.js';

const TAGS = ['sweeps'];

export const sweepsRouter = router({
  create: plannerProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/sweeps',
        protect: true,
        tags: TAGS,
        summary:
          'Sweep a parameter grid over a stored scenario: one job per point, run by any worker',
      },
      status: 202,
    })
    .input(sweepRequestSchema)
    .output(z.object({ id: sweepId }))
    .mutation(({ ctx, input }) => createSweep({ ctx, input })),

  get: viewerProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/sweeps/{id}',
        protect: true,
        tags: TAGS,
        summary: "A sweep's progress, its finished rows and, once done, the non-dominated set",
      },
    })
    .input(z.object({ id: sweepId }))
    .output(sweepResultSchema)
    .query(({ ctx, input }) => getSweep({ ctx, input })),
});
