import { initTRPC, TRPCError } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import type { Actor, Context } from './context.js';
import { ApiError, errorBody, toTrpcError } from './errors.js';
import { ROLES, type Role } from './db/schema/index.js';

// tRPC is initialised once; every router builds on these procedures.
const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta>()
  .create({
    // tRPC's default (NODE_ENV !== 'production') puts stack traces in error responses.
    isDev: false,
    errorFormatter: ({ shape, error }) => {
      const api = errorBody(error);
      // An unexpected error's own message may hold internals: the caller gets the generic one.
      const message = api.code === 'INTERNAL' ? api.message : shape.message;
      return { ...shape, message, data: { ...shape.data, api } };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Service errors become their tRPC code (404, 409, 422, …), never a 500. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof ApiError) throw toTrpcError(result.error.cause);
  return result;
});

export const publicProcedure = t.procedure.use(mapErrors);

/** A caller with a valid token or session; a session's mutations carry its CSRF token. */
export const authedProcedure = publicProcedure.use(({ ctx, type, next }) => {
  const { actor } = ctx;
  if (!actor) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'sign in, or send an API token as "Authorization: Bearer <token>"',
    });
  }
  if (actor.kind === 'user' && type === 'mutation' && ctx.csrfHeader !== actor.csrfToken) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'missing or wrong x-csrf-token header for this session',
    });
  }
  return next({ ctx: { ...ctx, actor } });
});

/** At least `role` in the actor's workspace: viewer < planner < admin. */
function requireRole(role: Role) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!atLeast(ctx.actor, role)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `this needs the ${role} role; you are ${ctx.actor.role}`,
      });
    }
    return next();
  });
}

function atLeast(actor: Actor, role: Role): boolean {
  return ROLES.indexOf(actor.role) >= ROLES.indexOf(role);
}

export const viewerProcedure = requireRole('viewer');
export const plannerProcedure = requireRole('planner');
export const adminProcedure = requireRole('admin');
