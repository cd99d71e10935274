import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { cors } from './index.js';

const app = (origins: string[]) =>
  new Hono().use(cors({ origins })).post('/api/tokens', (c) => c.json({ ok: true }));

const preflight = {
  method: 'OPTIONS',
  headers: {
    origin: 'https://planner.example.com',
    'access-control-request-method': 'POST',
    'access-control-request-headers': 'authorization, content-type',
  },
};

describe('cors', () => {
  it('sends no CORS header when no origin is configured', async () => {
    const response = await app([]).request('/api/tokens', preflight);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const post = await app([]).request('/api/tokens', {
      method: 'POST',
      headers: { origin: 'https://planner.example.com' },
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows the listed origins, with the Authorization header, and no other', async () => {
    const allowed = app(['https://planner.example.com']);
    const response = await allowed.request('/api/tokens', preflight);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://planner.example.com');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();

    const other = await allowed.request('/api/tokens', {
      ...preflight,
      headers: { ...preflight.headers, origin: 'https://evil.example.net' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
