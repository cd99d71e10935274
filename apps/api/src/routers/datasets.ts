import { z } from 'zod';
import { listAccounts } from '../datasets/account-page.js';
import {
  accountPageInputSchema,
  accountPageSchema,
  createdDatasetSchema,
  datasetIdSchema,
  datasetListItemSchema,
  datasetSummarySchema,
  sampleInputSchema,
} from '../datasets/dataset-schemas.js';
import { deleteDataset, getDataset, listDatasets } from '../datasets/datasets-service.js';
import { createSampleDataset } from '../datasets/sample-dataset.js';
import { plannerProcedure, router, viewerProcedure } from '../trpc.js';

const tags = ['datasets'];

// The upload itself (`POST /api/datasets`, multipart) is a plain route: http/routes/dataset-upload.ts.
export const datasetsRouter = router({
  list: viewerProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/datasets',
        protect: true,
        tags,
        summary: 'The datasets, newest first',
      },
    })
    .input(z.void())
    .output(z.array(datasetListItemSchema))
    .query(({ ctx }) => listDatasets({ ctx, input: undefined })),

  get: viewerProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/datasets/{id}',
        protect: true,
        tags,
        summary: 'A dataset: counts, totals, bounds, columns, warnings',
      },
    })
    .input(z.object({ id: datasetIdSchema }))
    .output(datasetSummarySchema)
    .query(({ ctx, input }) => getDataset({ ctx, input })),

  delete: plannerProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/datasets/{id}',
        protect: true,
        tags,
        summary: 'Deletes a dataset with its scenarios and runs',
      },
    })
    .input(z.object({ id: datasetIdSchema }))
    .output(z.object({ id: z.string(), deleted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await deleteDataset({ ctx, input });
      return { id: input.id, deleted: true as const };
    }),

  accounts: viewerProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/datasets/{id}/accounts',
        protect: true,
        tags,
        summary: 'A page of the accounts, optionally filtered (docs/filters.md)',
      },
    })
    .input(accountPageInputSchema)
    .output(accountPageSchema)
    .query(({ ctx, input }) => listAccounts({ ctx, input })),

  sample: plannerProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/datasets/sample',
        protect: true,
        tags,
        summary: 'A generated sample dataset: realistic US accounts and reps, seeded',
      },
      status: 201,
    })
    .input(sampleInputSchema)
    .output(createdDatasetSchema)
    .mutation(({ ctx, input }) => createSampleDataset({ ctx, input })),
});
