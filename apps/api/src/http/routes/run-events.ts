import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { ERROR_STATUS, errorBody } from '../../errors.js';
import { runProgressSchema, watchRunProgress } from '../../runs/watch-progress.js';
import { errorResponse } from '../rest.js';
import type { PlainRoute } from './index.js';
import { plainRouteContext } from './plain-route-auth.js';

/**
 * `GET /api/runs/{runId}/events`: a run's progress as server-sent events for callers without
 * a tRPC client (`curl -N`, a browser's EventSource): a `progress` event with
 * `{ status, progress, message }` now and on each change, the last one once the run finished,
 * then the stream ends. The same source as the `runs.progress` subscription.
 */
export const runEventsRoute: PlainRoute = {
  register(app, services) {
    app.get('/api/runs/:runId/events', async (c) => {
      const requestId = c.get('requestId');
      const runId = c.req.param('runId');
      const left = new AbortController();
      try {
        const ctx = await plainRouteContext(services, c.req.raw, requestId, 'viewer');
        const events = watchRunProgress({ ctx, input: { runId }, signal: left.signal });
        // The first state is read before answering, so an unknown run is a plain 404.
        let next = await events.next();
        return streamSSE(
          c,
          async (stream) => {
            stream.onAbort(() => {
              left.abort();
            });
            while (!next.done) {
              await stream.writeSSE({ event: 'progress', data: JSON.stringify(next.value) });
              next = await events.next();
            }
          },
          async (error, stream) => {
            const body = errorBody(error);
            if (body.code === 'INTERNAL') services.log.error(`GET ${c.req.path}`, error);
            await stream.writeSSE({ event: 'error', data: JSON.stringify({ ...body, requestId }) });
          },
        );
      } catch (error) {
        const body = errorBody(error);
        if (body.code === 'INTERNAL') services.log.error(`GET ${c.req.path}`, error);
        return errorResponse(body, ERROR_STATUS[body.code], requestId);
      }
    });
  },
  paths: () => ({
    '/runs/{runId}/events': {
      get: {
        tags: ['runs'],
        summary: "A run's progress as server-sent events, until it finishes",
        description:
          'Events named `progress` carry `{ status, progress, message }` as JSON: the current state at once, then every change; the stream ends after the run is done, failed or cancelled. An `error` event (the error shape) ends it early, e.g. when the server stops: reconnect then.',
        security: [{ Authorization: [] }],
        parameters: [{ name: 'runId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'the event stream',
            content: {
              'text/event-stream': {
                schema: { type: 'string' },
                // What each `progress` event's data holds (OpenAPI 3.1 has no field for it).
                'x-event-data': z.toJSONSchema(runProgressSchema, { io: 'output' }),
              },
            },
          },
          '401': errorRef('no valid token or session'),
          '404': errorRef('no such run in this workspace'),
        },
      },
    },
  }),
};

function errorRef(description: string) {
  return {
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
}
