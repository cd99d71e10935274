import { z } from 'zod';
import {
  boundariesInputSchema,
  boundariesSummarySchema,
} from '../boundaries/boundaries-schemas.js';
import {
  deleteBoundaries,
  getBoundaries,
  putBoundaries,
} from '../boundaries/boundaries-service.js';
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

  setBoundaries: plannerProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/datasets/{id}/boundaries',
        protect: true,
        tags,
        summary: 'Gives the dataset its own building blocks: a boundaries file (GeoJSON regions)',
        description:
          'Replaces any file the dataset had. Every feature is checked (an id, no duplicate, closed rings that do not cross themselves); a bad one is refused, naming the feature. Runs started afterwards get the blocks: the geographic strategy builds territories of them with units "blocks" (or no units), and territories.geojson draws their unions.',
      },
    })
    .input(boundariesInputSchema)
    .output(boundariesSummarySchema)
    .mutation(({ ctx, input }) => putBoundaries({ ctx, input })),

  boundaries: viewerProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/datasets/{id}/boundaries',
        protect: true,
        tags,
        summary: "The dataset's boundaries file: its blocks, id and name properties, size",
      },
    })
    .input(z.object({ id: datasetIdSchema }))
    .output(boundariesSummarySchema)
    .query(({ ctx, input }) => getBoundaries({ ctx, input })),

  deleteBoundaries: plannerProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/datasets/{id}/boundaries',
        protect: true,
        tags,
        summary: "Removes the dataset's boundaries file; later runs have no blocks of their own",
      },
    })
    .input(z.object({ id: datasetIdSchema }))
    .output(z.object({ id: z.string(), deleted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await deleteBoundaries({ ctx, input });
      return { id: input.id, deleted: true as const };
    }),
});
