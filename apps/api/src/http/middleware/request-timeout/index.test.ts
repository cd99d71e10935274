import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { describe, expect, it } from 'vitest';
import { requestTimeout } from './index.js';

/** A handler that answers only when the test lets it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

function app(ms: number, slow: Promise<void>) {
  return new Hono()
    .use(requestId())
    .use(requestTimeout({ ms, skip: (c) => c.req.path === '/stream' }))
    .get('/fast', (c) => c.text('fast'))
    .get('/slow', async (c) => {
      await slow;
      return c.text('late');
    })
    .get('/stream', async (c) => {
      await slow;
      return c.text('streamed');
    });
}

describe('requestTimeout', () => {
  it('leaves a request that finishes in time alone', async () => {
    const response = await app(10_000, new Promise(() => undefined)).request('/fast');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('fast');
  });

  it('answers 503 with the error shape when the handler takes longer', async () => {
    const { open, opened } = gate();
    const response = await app(20, opened).request('/slow');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      code: 'LIMIT',
      message: 'the request took longer than 0.02 s (TESSERA_REQUEST_TIMEOUT_S)',
      details: { timeoutSeconds: 0.02 },
      requestId: expect.any(String) as unknown,
    });
    open();
  });

  it('never cuts a skipped route short', async () => {
    const { open, opened } = gate();
    const answer = app(20, opened).request('/stream');
    // The gate opens well after the timeout would have fired.
    setTimeout(open, 100);
    const response = await answer;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('streamed');
  });
});
