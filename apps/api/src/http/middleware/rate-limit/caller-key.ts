import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Services } from '../../../services/services.js';
import { requestActor } from '../../request-context.js';

/**
 * A request's rate-limit key: its token or session when it has a valid one, else its address.
 * A made-up or revoked token therefore spends its address's budget, not a fresh one of its own.
 * The address is the socket's: X-Forwarded-For is not trusted, so behind a proxy every
 * anonymous caller shares the proxy's budget.
 */
export function callerKey(services: Services): (c: Context) => Promise<string> {
  return async (c) => {
    const actor = await requestActor(services, c.req.raw);
    if (actor?.kind === 'token') return `token:${actor.tokenId}`;
    if (actor?.kind === 'user') return `session:${actor.sessionHash}`;
    return `address:${remoteAddress(c)}`;
  };
}

function remoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not on a Node socket (app.request in tests): one shared budget.
    return 'unknown';
  }
}
