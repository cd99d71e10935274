// GET /api/openapi.json is a valid OpenAPI 3.1 document that describes every path of the
// issue's REST contract (the table in apps/api/README.md), with the error shape on refusals.
import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './api-test-server.js';

/** The REST contract: method and path under /api, as integrators were promised them. */
const CONTRACT = [
  'GET /health',
  'GET /openapi.json',
  'POST /datasets',
  'GET /datasets',
  'GET /datasets/{id}',
  'DELETE /datasets/{id}',
  'GET /datasets/{id}/accounts',
  'PUT /datasets/{id}/boundaries',
  'GET /datasets/{id}/boundaries',
  'DELETE /datasets/{id}/boundaries',
  'POST /scenarios',
  'GET /scenarios',
  'GET /scenarios/{id}',
  'PUT /scenarios/{id}',
  'DELETE /scenarios/{id}',
  'POST /scenarios/{id}/runs',
  'GET /runs/{id}',
  'POST /runs/{id}/cancel',
  'GET /runs/{id}/plan.csv',
  'GET /runs/{id}/territories.geojson',
  'POST /comparisons',
  'POST /sweeps',
  'GET /sweeps/{id}',
  'GET /plugins',
  'POST /tokens',
  'GET /tokens',
  'DELETE /tokens/{id}',
] as const;

interface Operation {
  parameters?: { name: string; in: string }[];
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  security?: unknown[];
}
interface Document {
  openapi: string;
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
}

/** `/runs/{runId}` and `/runs/{id}` are one path: parameter names are the server's to choose. */
const shape = (path: string): string => path.replaceAll(/\{[^}]+\}/g, '{}');

let server: ApiServer;
let doc: Document;
beforeAll(async () => {
  server = await startApiServer();
  const response = await fetch(`${server.url}/api/openapi.json`);
  expect(response.status).toBe(200);
  doc = (await response.json()) as Document;
});
afterAll(async () => {
  await server.close();
});

function operations(): Map<string, Operation> {
  const found = new Map<string, Operation>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (['get', 'put', 'post', 'delete', 'patch'].includes(method))
        found.set(`${method.toUpperCase()} ${shape(path)}`, operation);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    // validate() dereferences in place: give it a copy.
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? 'valid' : compileErrors(result)).toBe('valid');
  });

  it('places the paths under /api', () => {
    expect(doc.servers?.map((s) => s.url)).toContain('/api');
  });

  it('describes every path of the REST contract', () => {
    const described = operations();
    const missing = CONTRACT.filter((entry) => {
      const [method, path] = entry.split(' ') as [string, string];
      return !described.has(`${method} ${shape(path)}`);
    });
    expect(missing).toEqual([]);
  });

  it('declares the statuses creations and jobs answer with', () => {
    const described = operations();
    const statuses = (key: string) => Object.keys(described.get(key)?.responses ?? {});
    expect(statuses('POST /datasets')).toContain('201');
    expect(statuses('POST /scenarios')).toContain('201');
    expect(statuses('POST /tokens')).toContain('201');
    expect(statuses('POST /scenarios/{}/runs')).toContain('202');
    expect(statuses('GET /runs/{}')).toContain('200');
  });

  it('asks for no token on health and the document only', () => {
    const open = [...operations()]
      .filter(
        ([, operation]) => Array.isArray(operation.security) && operation.security.length === 0,
      )
      .map(([key]) => key);
    expect(open.sort()).toEqual(['GET /health', 'GET /openapi.json']);
    const unprotected = [...operations()]
      .filter(([, operation]) => operation.security === undefined)
      .map(([key]) => key);
    expect(unprotected).toEqual([]);
  });

  it('declares every path parameter it templates', () => {
    const undeclared: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      for (const [method, operation] of Object.entries(item)) {
        const declared = new Set(
          (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        );
        for (const name of names) {
          if (!declared.has(name)) undeclared.push(`${method.toUpperCase()} ${path}: ${name}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('answers refusals with the one error shape', () => {
    const stray: string[] = [];
    for (const [key, operation] of operations()) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) < 400) continue;
        const ref = response.content?.['application/json']?.schema?.$ref;
        if (ref !== '#/components/schemas/Error') stray.push(`${key} ${status}`);
      }
    }
    expect(stray).toEqual([]);
  });
});
