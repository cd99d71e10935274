import type { AnyTRPCProcedure } from '@trpc/server';
import { generateOpenApiDocument, type OpenAPIObject } from 'trpc-to-openapi';
import type { SchemaObject } from 'openapi3-ts/oas31';
import { appRouter } from '../routers/app-router.js';
import { plainRoutes } from './routes/index.js';

const ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: {
      type: 'string',
      enum: [
        'UNAUTHORIZED',
        'FORBIDDEN',
        'NOT_FOUND',
        'CONFLICT',
        'PAYLOAD_TOO_LARGE',
        'INVALID',
        'LIMIT',
        'INTERNAL',
      ],
    },
    message: { type: 'string' },
    details: {},
    requestId: { type: 'string' },
  },
};

/** The two paths that need no token, served by the app itself. */
const PUBLIC_PATHS: NonNullable<OpenAPIObject['paths']> = {
  '/health': {
    get: {
      operationId: 'health',
      tags: ['server'],
      summary: 'Whether the server is up, and its version; needs no token',
      security: [],
      responses: {
        '200': {
          description: 'the server is up',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['ok', 'version'],
                properties: { ok: { type: 'boolean', const: true }, version: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  },
  '/openapi.json': {
    get: {
      operationId: 'openapi',
      tags: ['server'],
      summary: 'This document; needs no token',
      security: [],
      responses: {
        '200': {
          description: 'the OpenAPI 3.1 document of the REST surface',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
      },
    },
  },
};

/**
 * OpenAPI 3.1 for the REST surface: generated from the procedures and their zod schemas, the
 * statuses they declare (201, 202) put in place of 200, every error as `{ code, message,
 * details, requestId }`, and added by hand the routes tRPC cannot carry (multipart upload,
 * downloads) and the public ones (health, this document).
 */
export function openApiDocument(version: string): OpenAPIObject {
  const doc = generateOpenApiDocument(appRouter, {
    title: 'Tessera API',
    description:
      'Sales-territory planning: datasets, scenarios, runs, comparisons and sweeps. Authenticate with `Authorization: Bearer <token>`.',
    version,
    baseUrl: '/api',
  });
  const statusOf = declaredStatuses();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of ['get', 'post', 'put', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation?.responses) continue;
      const status = statusOf.get(`${method.toUpperCase()} ${path}`);
      const ok = operation.responses['200'] as unknown;
      if (status && ok) {
        operation.responses[String(status)] = ok;
        delete operation.responses['200'];
      }
      for (const [code, response] of Object.entries(operation.responses)) {
        if (Number(code) >= 400) {
          operation.responses[code] = {
            description: (response as { description?: string }).description ?? 'error',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          };
        }
      }
    }
  }
  const paths = { ...PUBLIC_PATHS, ...doc.paths };
  // Merged per method: a plain route (POST /datasets) may share its path with procedures (GET).
  for (const route of plainRoutes) {
    for (const [path, item] of Object.entries(route.paths())) {
      paths[path] = { ...paths[path], ...item };
    }
  }
  doc.paths = paths;
  doc.components = {
    ...doc.components,
    schemas: { ...doc.components?.schemas, Error: ERROR_SCHEMA },
  };
  return doc;
}

function declaredStatuses(): Map<string, number> {
  const found = new Map<string, number>();
  for (const procedure of Object.values(
    appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>,
  )) {
    const meta = procedure._def.meta as
      { status?: number; openapi?: { method: string; path: string } } | undefined;
    if (meta?.status && meta.openapi)
      found.set(`${meta.openapi.method} ${meta.openapi.path}`, meta.status);
  }
  return found;
}
