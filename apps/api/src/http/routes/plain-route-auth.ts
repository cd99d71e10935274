import type { Actor } from '../../context.js';
import { ROLES, type Role } from '../../db/schema/index.js';
import { ApiError } from '../../errors.js';
import type { WorkspaceContext } from '../../context.js';
import type { Services } from '../../services/services.js';
import { requestContext } from '../request-context.js';

/**
 * The caller of a plain route, checked as the tRPC procedures check theirs: a valid token or
 * session (401), at least `role` (403), and a session's CSRF header on anything but a read.
 */
export async function plainRouteContext(
  services: Services,
  req: Request,
  requestId: string,
  role: Role,
): Promise<WorkspaceContext> {
  const ctx = await requestContext(services, req, requestId);
  const actor: Actor | null = ctx.actor;
  if (!actor) {
    throw new ApiError(
      'UNAUTHORIZED',
      'sign in, or send an API token as "Authorization: Bearer <token>"',
    );
  }
  const reads = req.method === 'GET' || req.method === 'HEAD';
  if (!reads && actor.kind === 'user' && ctx.csrfHeader !== actor.csrfToken) {
    throw new ApiError('FORBIDDEN', 'missing or wrong x-csrf-token header for this session');
  }
  if (ROLES.indexOf(actor.role) < ROLES.indexOf(role)) {
    throw new ApiError('FORBIDDEN', `this needs the ${role} role; you are ${actor.role}`);
  }
  return { services, actor };
}
