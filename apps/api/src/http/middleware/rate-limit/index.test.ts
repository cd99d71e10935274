import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { describe, expect, it } from 'vitest';
import { rateLimit } from './index.js';
import { TokenBuckets } from './token-bucket.js';

function app(perMinute: number, clock: { now: number }) {
  return new Hono()
    .use(requestId())
    .use(
      rateLimit({
        perMinute,
        key: (c) => c.req.header('x-caller') ?? 'anonymous',
        now: () => clock.now,
      }),
    )
    .get('/', (c) => c.text('ok'));
}

describe('rateLimit', () => {
  it('lets a burst of perMinute through, then answers 429 with the error shape and Retry-After', async () => {
    const clock = { now: 0 };
    const limited = app(3, clock);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await limited.request('/')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);

    const refused = await limited.request('/');
    expect(refused.headers.get('retry-after')).toBe('20');
    expect(await refused.json()).toEqual({
      code: 'LIMIT',
      message: 'over 3 requests a minute (TESSERA_RATE_LIMIT): retry in 20 s',
      details: { limitPerMinute: 3, retryAfterSeconds: 20 },
      requestId: expect.any(String) as unknown,
    });
  });

  it('earns requests back over the minute, and keeps callers apart', async () => {
    const clock = { now: 0 };
    const limited = app(60, clock);
    for (let i = 0; i < 60; i++) await limited.request('/', { headers: { 'x-caller': 'a' } });
    expect((await limited.request('/', { headers: { 'x-caller': 'a' } })).status).toBe(429);
    expect((await limited.request('/', { headers: { 'x-caller': 'b' } })).status).toBe(200);
    clock.now += 1000; // one request a second comes back
    expect((await limited.request('/', { headers: { 'x-caller': 'a' } })).status).toBe(200);
    expect((await limited.request('/', { headers: { 'x-caller': 'a' } })).status).toBe(429);
  });
});

describe('TokenBuckets', () => {
  it('forgets callers whose bucket has filled up again', () => {
    const buckets = new TokenBuckets({ capacity: 2, refillMs: 60_000 });
    expect(buckets.take('a', 0)).toBe(0);
    expect(buckets.take('b', 0)).toBe(0);
    expect(buckets.take('b', 0)).toBe(0);
    expect(buckets.take('b', 0)).toBe(30_000);
    expect(buckets.size).toBe(2);
    expect(buckets.take('c', 60_000)).toBe(0);
    expect(buckets.size).toBe(1);
  });
});
