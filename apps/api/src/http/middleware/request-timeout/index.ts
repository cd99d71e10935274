import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from '../../rest.js';

export interface RequestTimeoutOptions {
  /** How long a request may take before the caller gets a 503. */
  ms: number;
  /** Requests that may run as long as they like (server-sent event streams). */
  skip?: (c: Context) => boolean;
}

/**
 * Answers 503 `{ code: 'LIMIT', … }` when a request takes longer than `ms`. The work itself is
 * not stopped (a handler has no way to be told); the caller stops waiting and learns why.
 * Written here rather than taken from hono/timeout, which throws into app.onError and so
 * would come out as a 500.
 */
export function requestTimeout(options: RequestTimeoutOptions): MiddlewareHandler {
  return async (c, next) => {
    if (options.skip?.(c)) return next();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        resolve('timeout');
      }, options.ms);
    });
    const handled = next().then(() => 'done' as const);
    try {
      if ((await Promise.race([handled, timedOut])) === 'done') return;
    } finally {
      clearTimeout(timer);
    }
    // Whatever the late handler ends with is nobody's to read any more.
    handled.catch(() => undefined);
    const seconds = options.ms / 1000;
    return errorResponse(
      {
        code: 'LIMIT',
        message: `the request took longer than ${seconds} s (TESSERA_REQUEST_TIMEOUT_S)`,
        details: { timeoutSeconds: seconds },
      },
      503,
      c.get('requestId'),
    );
  };
}
