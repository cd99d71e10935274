import { planBlocks, planToCsv, territoriesToGeoJSON, type BlockSet } from '@tessera/core';
import { and, eq } from 'drizzle-orm';
import type { Context as HonoContext } from 'hono';
import type { WorkspaceContext } from '../../context.js';
import { runs } from '../../db/schema/index.js';
import { ERROR_STATUS, errorBody } from '../../errors.js';
import { loadFinishedRun } from '../../runs/finished-run.js';
import type { Services } from '../../services/services.js';
import { errorResponse } from '../rest.js';
import type { PlainRoute } from './index.js';
import { plainRouteContext } from './plain-route-auth.js';

/**
 * `GET /api/runs/{runId}/plan.csv` and `…/territories.geojson`: a done run's plan over the
 * accounts as its scenario's edits left them (added accounts in, removed ones out). The CSV is
 * core's `planToCsv`, streamed; its cells go through core's `escapeCsvCell`, which already puts
 * a `'` before a value a spreadsheet would run as a formula (= + - @ tab CR).
 */
export const runDownloadsRoute: PlainRoute = {
  register(app, services) {
    app.get('/api/runs/:runId/plan.csv', (c) =>
      answer(c, services, (run, runId) => {
        const csv = ReadableStream.from(planToCsv(run.plan, run.edited.accounts));
        return new Response(csv.pipeThrough(new TextEncoderStream()), {
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="plan-${runId}.csv"`,
          },
        });
      }),
    );
    app.get('/api/runs/:runId/territories.geojson', (c) =>
      answer(c, services, async (run, runId, ctx) => {
        // A plan built of blocks (US counties or states, the dataset's boundaries file) is drawn
        // as unions of them; any other plan as its accounts' Voronoi cells.
        const blocks = await planBlocks(
          run.edited.accounts,
          run.scenario.strategy.params.units,
          await datasetBlocks(ctx, runId),
        );
        return Response.json(territoriesToGeoJSON(run.edited.accounts, run.plan, { blocks }), {
          headers: {
            'content-type': 'application/geo+json',
            'content-disposition': `attachment; filename="territories-${runId}.geojson"`,
          },
        });
      }),
    );
  },
  paths: () => ({
    '/runs/{runId}/plan.csv': {
      get: operation({
        summary: "A done run's plan as CSV: account_id, territory_id, rep_id",
        description:
          'One row per account after the scenario’s edits, in table order; an unassigned account has empty territory_id and rep_id. A cell a spreadsheet would run as a formula is prefixed with a single quote.',
        content: {
          'text/csv': { schema: { type: 'string' } },
        },
      }),
    },
    '/runs/{runId}/territories.geojson': {
      get: operation({
        summary: "A done run's territories as GeoJSON: shapes that tile without overlapping",
        description:
          'A FeatureCollection with one MultiPolygon feature per territory that has located accounts: the union of its blocks when the strategy built it of them (units county or state: US counties or states; units blocks, or none, on a dataset with a boundaries file: its regions), otherwise the Voronoi cells of its accounts, dissolved and clipped to the accounts’ extent; properties: id, name, repId, accounts, workload.',
        content: {
          'application/geo+json': {
            schema: {
              type: 'object',
              required: ['type', 'features'],
              properties: {
                type: { const: 'FeatureCollection' },
                features: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      type: { const: 'Feature' },
                      id: { type: 'string' },
                      geometry: { type: 'object' },
                      properties: {
                        type: 'object',
                        properties: {
                          id: { type: 'string' },
                          name: { type: 'string' },
                          repId: { type: ['string', 'null'] },
                          accounts: { type: 'number' },
                          workload: { type: 'number' },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      }),
    },
  }),
};

type FinishedRun = Awaited<ReturnType<typeof loadFinishedRun>>;

/** Loads the caller's done run and answers with `respond`, or with the API's error shape. */
async function answer(
  c: HonoContext,
  services: Services,
  respond: (run: FinishedRun, runId: string, ctx: WorkspaceContext) => Response | Promise<Response>,
): Promise<Response> {
  const requestId = c.get('requestId');
  const runId = c.req.param('runId') ?? '';
  try {
    const ctx = await plainRouteContext(services, c.req.raw, requestId, 'viewer');
    return await respond(await loadFinishedRun(ctx, runId), runId, ctx);
  } catch (error) {
    const body = errorBody(error);
    if (body.code === 'INTERNAL') services.log.error(`${c.req.method} ${c.req.path}`, error);
    return errorResponse(body, ERROR_STATUS[body.code], requestId);
  }
}

/** The blocks of the run's dataset's boundaries file, built once per upload; null without one. */
async function datasetBlocks(ctx: WorkspaceContext, runId: string): Promise<BlockSet | null> {
  const [row] = await ctx.services.db
    .select({ datasetId: runs.datasetId })
    .from(runs)
    .where(and(eq(runs.id, runId), eq(runs.workspaceId, ctx.actor.workspaceId)));
  return row ? ctx.services.boundaries.blocks(ctx.actor.workspaceId, row.datasetId) : null;
}

function operation(spec: {
  summary: string;
  description: string;
  content: Record<string, { schema: Record<string, unknown> }>;
}) {
  return {
    tags: ['runs'],
    summary: spec.summary,
    description: spec.description,
    security: [{ Authorization: [] }],
    parameters: [
      { name: 'runId', in: 'path' as const, required: true, schema: { type: 'string' as const } },
    ],
    responses: {
      '200': { description: spec.summary, content: spec.content },
      '401': errorRef('no valid token or session'),
      '404': errorRef('no such run in this workspace'),
      '409': errorRef('the run is not done: it has no plan yet'),
    },
  };
}

function errorRef(description: string) {
  return {
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
}
