import { MAX_COMPARED } from '@tessera/scenarios';
import { z } from 'zod';
import { compareStoredRuns, comparisonSchema } from '../runs/comparison.js';
import { router, viewerProcedure } from '../trpc.js';

export const comparisonsRouter = router({
  create: viewerProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/comparisons',
        protect: true,
        tags: ['comparisons'],
        summary:
          'Compare 2 to 4 done runs: metrics side by side, deltas against the first, accounts moved between each pair',
      },
    })
    .input(
      z.object({
        runs: z
          .array(z.string().min(1))
          .min(2)
          .max(MAX_COMPARED)
          .describe('run ids; deltas are against the first'),
      }),
    )
    .output(comparisonSchema)
    .mutation(({ ctx, input }) => compareStoredRuns({ ctx, input })),
});
