import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { addToken } from '../testing/workspace-tokens.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    TESSERA_RATE_LIMIT: '3',
    TESSERA_CORS_ORIGINS: 'https://planner.example.com',
  });
});
afterAll(async () => {
  await server.close();
});

const get = (headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/plugins`, { headers });

describe('limits over HTTP', () => {
  it('gives each token its own budget, and every unknown caller the address’s one', async () => {
    const token = await addToken(server, 'viewer');
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await get({ authorization: `Bearer ${token}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);

    const refused = await get({ authorization: `Bearer ${token}` });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ code: 'LIMIT' });

    // Another token is not held back by the first one's use.
    expect(
      (await get({ authorization: `Bearer ${await addToken(server, 'viewer')}` })).status,
    ).toBe(200);

    // Made-up tokens do not each get a fresh budget: they spend the address's.
    const madeUp = [];
    for (let i = 0; i < 4; i++) {
      madeUp.push(
        (await get({ authorization: `Bearer made-up-token-${i}-0123456789abcdef` })).status,
      );
    }
    expect(madeUp).toEqual([401, 401, 401, 429]);
  });

  it('answers the configured origin’s preflight, with the security headers on every answer', async () => {
    const preflight = await fetch(`${server.url}/api/plugins`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://planner.example.com',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(
      'https://planner.example.com',
    );
    const health = await fetch(`${server.url}/api/health`, {
      headers: { origin: 'https://elsewhere.example.net' },
    });
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
    expect(health.headers.get('x-frame-options')).toBe('DENY');
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
