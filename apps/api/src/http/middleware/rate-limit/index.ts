import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from '../../rest.js';
import { TokenBuckets } from './token-bucket.js';

export interface RateLimitOptions {
  /** Requests a caller may make per minute, in a burst or spread out. */
  perMinute: number;
  /** Whose budget a request spends: a token, a session, an address. */
  key: (c: Context) => string | Promise<string>;
  /** The clock, in milliseconds (tests move it by hand). */
  now?: () => number;
}

/**
 * Refuses a caller's requests beyond `perMinute` with 429 `{ code: 'LIMIT', … }` and
 * `Retry-After`. The buckets live in this process's memory: behind a load balancer each process
 * limits on its own, so a caller gets up to N times the limit across N processes.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const buckets = new TokenBuckets({ capacity: options.perMinute, refillMs: 60_000 });
  const now = options.now ?? Date.now;
  return async (c, next) => {
    const waitMs = buckets.take(await options.key(c), now());
    if (waitMs === 0) return next();
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    const response = errorResponse(
      {
        code: 'LIMIT',
        message: `over ${options.perMinute} requests a minute (TESSERA_RATE_LIMIT): retry in ${seconds} s`,
        details: { limitPerMinute: options.perMinute, retryAfterSeconds: seconds },
      },
      429,
      c.get('requestId'),
    );
    response.headers.set('retry-after', String(seconds));
    return response;
  };
}
