import { z } from 'zod';
import { scenarioBodySchema } from '../scenarios/scenario-body.js';
import {
  createScenario,
  deleteScenario,
  getScenario,
  listScenarios,
  updateScenario,
} from '../scenarios/scenario-service.js';
import { plannerProcedure, router, viewerProcedure } from '../trpc.js';

const scenarioId = z.string().min(1).describe('scenario id (sc_…)');
const revision = z
  .number()
  .int()
  .min(1)
  .describe('counts saves; a save names the revision it was read at');

const saved = z.object({ id: z.string(), revision });

const scenarioSummary = z.object({
  id: z.string(),
  name: z.string(),
  datasetId: z.string(),
  revision,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const scenarioRecord = z.object({
  id: z.string(),
  revision,
  scenario: scenarioBodySchema,
  updatedAt: z.iso.datetime(),
});

const TAGS = ['scenarios'];

export const scenariosRouter = router({
  create: plannerProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/scenarios',
        protect: true,
        tags: TAGS,
        summary:
          'Save a scenario on a stored dataset; refused with the reason when it is not valid',
      },
      status: 201,
    })
    .input(scenarioBodySchema)
    .output(saved)
    .mutation(({ ctx, input }) => createScenario({ ctx, input })),

  list: viewerProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/scenarios',
        protect: true,
        tags: TAGS,
        summary: "The workspace's scenarios, most recently saved first",
      },
    })
    .input(z.void())
    .output(z.array(scenarioSummary))
    .query(async ({ ctx }) =>
      (await listScenarios({ ctx })).map((s) => ({
        ...s,
        createdAt: s.createdAt.toISOString(),
        updatedAt: s.updatedAt.toISOString(),
      })),
    ),

  get: viewerProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/scenarios/{id}',
        protect: true,
        tags: TAGS,
        summary: 'A scenario and the revision to name when saving it',
      },
    })
    .input(z.object({ id: scenarioId }))
    .output(scenarioRecord)
    .query(async ({ ctx, input }) => {
      const record = await getScenario({ ctx, input });
      return { ...record, updatedAt: record.updatedAt.toISOString() };
    }),

  update: plannerProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/scenarios/{id}',
        protect: true,
        tags: TAGS,
        summary:
          'Replace a scenario, naming the revision it was read at; 409 when another save came first',
      },
    })
    .input(z.object({ id: scenarioId, revision, scenario: scenarioBodySchema }))
    .output(saved.extend({ updatedAt: z.iso.datetime() }))
    .mutation(async ({ ctx, input }) => {
      const result = await updateScenario({ ctx, input });
      return { ...result, updatedAt: result.updatedAt.toISOString() };
    }),

  delete: plannerProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/scenarios/{id}',
        protect: true,
        tags: TAGS,
        summary: 'Delete a scenario and its runs',
      },
    })
    .input(z.object({ id: scenarioId }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteScenario({ ctx, input })),
});
