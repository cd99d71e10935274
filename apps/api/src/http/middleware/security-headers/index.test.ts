import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './index.js';

describe('securityHeaders', () => {
  it('refuses framing and sniffing, sends no referrer and no X-Powered-By', async () => {
    const app = new Hono().use(securityHeaders()).get('/', (c) => {
      c.header('x-powered-by', 'something');
      return c.text('ok');
    });
    const response = await app.request('/');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('lets framing be allowed on purpose', async () => {
    const app = new Hono()
      .use(securityHeaders({ allowFraming: true }))
      .get('/', (c) => c.text('ok'));
    expect((await app.request('/')).headers.get('x-frame-options')).toBeNull();
  });
});
