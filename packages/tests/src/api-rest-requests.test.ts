// REST requests as curl and plain HTTP clients send them: a POST that takes only path
// parameters needs no body, and a body of the wrong type gets the error shape, not a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './api-test-server.js';

let server: ApiServer;
let scenarioId: string;
const auth = (): Record<string, string> => ({ authorization: `Bearer ${server.token}` });

beforeAll(async () => {
  server = await startApiServer();
  const json = { ...auth(), 'content-type': 'application/json' };
  const dataset = (await (
    await fetch(`${server.url}/api/datasets/sample`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ accounts: 300, reps: 4 }),
    })
  ).json()) as { id: string };
  const scenario = await fetch(`${server.url}/api/scenarios`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      version: 1,
      name: 'nearest',
      dataset: { id: dataset.id },
      strategy: { id: 'nearest', params: {} },
      seed: 1,
    }),
  });
  expect(scenario.status).toBe(201);
  scenarioId = ((await scenario.json()) as { id: string }).id;
});
afterAll(async () => {
  await server.close();
});

describe('REST requests without a JSON body', () => {
  it('starts a run from a POST with no body and no content type', async () => {
    const response = await fetch(`${server.url}/api/scenarios/${scenarioId}/runs`, {
      method: 'POST',
      headers: auth(),
    });
    expect(response.status).toBe(202);
    expect(((await response.json()) as { runId: string }).runId).toMatch(/\S/);
  });

  it('reads an empty JSON body as no fields', async () => {
    const response = await fetch(`${server.url}/api/scenarios/${scenarioId}/runs`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
    });
    expect(response.status).toBe(202);
  });

  it('refuses a body that is not JSON with 415 and the error shape', async () => {
    const response = await fetch(`${server.url}/api/scenarios/${scenarioId}/runs`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'text/plain' },
      body: 'run it',
    });
    expect(response.status).toBe(415);
    const body = (await response.json()) as { code: string; message: string; requestId: string };
    expect(body.code).toBe('INVALID');
    expect(body.message).toContain('application/json');
    expect(body.requestId).toMatch(/\S/);
  });
});
