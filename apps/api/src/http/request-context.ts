import { authenticate } from '../auth/authenticate.js';
import type { Actor, Context } from '../context.js';
import type { Services } from '../services/services.js';

// The rate limiter needs the actor before tRPC or REST builds the context; both share one
// lookup per request rather than authenticating twice.
const actors = new WeakMap<Request, Promise<Actor | null>>();

/** The actor behind `req`, looked up once however often it is asked for. */
export function requestActor(services: Services, req: Request): Promise<Actor | null> {
  let actor = actors.get(req);
  if (!actor) {
    actor = authenticate(services.db, req.headers);
    actors.set(req, actor);
  }
  return actor;
}

/**
 * A request's context: its actor resolved once, however many procedures a batch calls.
 * `resHeaders` is where procedures add Set-Cookie (tRPC's fetch adapter hands it over).
 */
export async function requestContext(
  services: Services,
  req: Request,
  requestId: string,
  resHeaders: Headers | null = null,
): Promise<Context> {
  return {
    services,
    actor: await requestActor(services, req),
    requestId,
    csrfHeader: req.headers.get('x-csrf-token'),
    resHeaders,
    https: cameOverHttps(req),
  };
}

// A proxy that terminates TLS says so in X-Forwarded-Proto; trusting it only ever makes a
// cookie stricter (Secure), never looser.
function cameOverHttps(req: Request): boolean {
  if (new URL(req.url).protocol === 'https:') return true;
  const forwarded = req.headers.get('x-forwarded-proto');
  return forwarded?.split(',')[0]?.trim().toLowerCase() === 'https';
}
