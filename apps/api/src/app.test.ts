import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('the server over HTTP', () => {
  it('answers health without a token', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown,
    });
  });

  it('serves an OpenAPI 3.1 document without a token', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths)).toContain('/plugins');
  });

  it('refuses a call without a token, or with a malformed or unknown one, as 401', async () => {
    for (const authorization of [
      null,
      'Bearer short',
      'Bearer unknown-token-0123456789abcdefgh',
      'Basic x',
    ]) {
      const headers: Record<string, string> = authorization ? { authorization } : {};
      const response = await fetch(`${server.url}/api/plugins`, { headers });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { code: string; message: string; requestId: string };
      expect(body.code).toBe('UNAUTHORIZED');
      expect(body.message).toContain('Authorization: Bearer');
      expect(body.requestId).toBeTruthy();
    }
  });

  it('lists the strategies with their parameter schemas', async () => {
    const response = await server.api('/api/plugins');
    expect(response.status).toBe(200);
    const plugins = (await response.json()) as { id: string; paramsSchema: { type?: string } }[];
    expect(plugins.map((p) => p.id)).toContain('geographic');
    expect(plugins.find((p) => p.id === 'geographic')?.paramsSchema.type).toBe('object');
  });

  it('answers an unknown path under /api with the error shape', async () => {
    const response = await server.api('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('NOT_FOUND');
  });

  it('serves the same procedures over tRPC', async () => {
    const response = await server.api('/trpc/plugins.list');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { id: string }[] } };
    expect(body.result.data.map((p) => p.id)).toContain('nearest');
  });
});
