import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { trpcServer } from '@hono/trpc-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { OpenAPIObject } from 'trpc-to-openapi';
import { errorBody } from './errors.js';
import { cors } from './http/middleware/cors/index.js';
import { callerKey } from './http/middleware/rate-limit/caller-key.js';
import { rateLimit } from './http/middleware/rate-limit/index.js';
import { requestTimeout } from './http/middleware/request-timeout/index.js';
import { securityHeaders } from './http/middleware/security-headers/index.js';
import { openApiDocument } from './http/openapi.js';
import { requestContext } from './http/request-context.js';
import { createRestHandler, errorResponse } from './http/rest.js';
import { plainRoutes } from './http/routes/index.js';
import { appRouter } from './routers/app-router.js';
import type { Services } from './services/services.js';
import { API_VERSION } from './version.js';

/**
 * The HTTP application: health, the OpenAPI document, tRPC at `/trpc`, the same procedures as
 * REST under `/api`, and the built web app at `/`. The server and the tests both use this.
 */
export function createApp(services: Services): Hono {
  const app = new Hono();
  let document: OpenAPIObject | null = null;

  app.use(requestId());
  app.use(securityHeaders());
  app.use(cors({ origins: services.config.corsOrigins }));
  app.use(
    requestTimeout({
      ms: services.config.requestTimeoutMs,
      // Run progress is a server-sent event stream: it lasts as long as the run.
      skip: (c) => c.req.path === '/trpc/runs.progress',
    }),
  );
  app.use(limitBody(services.config.maxBodyBytes, 'TESSERA_MAX_BODY_MB'));
  // A boundaries file is parsed whole: its own, lower limit.
  const boundariesLimit = limitBody(
    services.config.maxBoundariesBytes,
    'TESSERA_MAX_BOUNDARIES_MB',
  );
  app.use('/api/datasets/:id/boundaries', boundariesLimit);
  app.use('/trpc/datasets.setBoundaries', boundariesLimit);

  const limit = rateLimit({
    perMinute: services.config.rateLimitPerMinute,
    key: callerKey(services),
  });
  app.use('/api/*', limit);
  app.use('/trpc/*', limit);

  app.get('/api/health', (c) => c.json({ ok: true, version: API_VERSION }));
  app.get('/api/openapi.json', (c) => c.json((document ??= openApiDocument(API_VERSION))));

  app.use(
    '/trpc/*',
    trpcServer({
      endpoint: '/trpc',
      router: appRouter,
      createContext: (opts, c) =>
        requestContext(services, c.req.raw, c.get('requestId'), opts.resHeaders),
      onError: ({ error, path }) => {
        if (errorBody(error).code === 'INTERNAL') services.log.error(`trpc ${path ?? '?'}`, error);
      },
    }),
  );

  for (const route of plainRoutes) route.register(app, services);
  const rest = createRestHandler(services);
  app.all('/api/*', (c) => rest(c.req.raw, c.get('requestId')));

  const webDir = services.config.webDir;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    app.use('/*', serveStatic({ root: webDir }));
    // A single-page app: any other path is the app's to route.
    app.get('/*', async (c) => c.html(await readFile(join(webDir, 'index.html'), 'utf8')));
  }

  app.onError((error, c) => {
    const body = errorBody(error);
    if (body.code === 'INTERNAL') services.log.error(`${c.req.method} ${c.req.path}`, error);
    return errorResponse(body, 500, c.get('requestId'));
  });
  return app;
}

/** 413 in the API's error shape for a body over `maxSize`, naming the variable that sets it. */
function limitBody(maxSize: number, variable: string): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c) =>
      errorResponse(
        {
          code: 'PAYLOAD_TOO_LARGE',
          message: `the request body is over ${Math.round(maxSize / 1024 / 1024)} MiB (${variable})`,
        },
        413,
        c.get('requestId'),
      ),
  });
}
