import { authenticate } from '../auth/authenticate.js';
import type { Context } from '../context.js';
import type { Services } from '../services/services.js';

/** A request's context: its actor resolved once, however many procedures a batch calls. */
export async function requestContext(
  services: Services,
  req: Request,
  requestId: string,
): Promise<Context> {
  return {
    services,
    actor: await authenticate(services.db, req.headers),
    requestId,
    csrfHeader: req.headers.get('x-csrf-token'),
  };
}
