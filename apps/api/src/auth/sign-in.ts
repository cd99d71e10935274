import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Context } from '../context.js';
import { memberships, users, workspaces, type Role } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { hashPassword, verifyPassword } from './password.js';
import { clearedSessionCookie, closeSession, openSession, sessionCookie } from './session.js';

/** Who the caller is, as the web app's layout shows it. */
export interface Caller {
  /** Null for an API token. */
  user: { id: string; email: string } | null;
  workspace: { id: string; name: string };
  role: Role;
  /** Sent back as `x-csrf-token` on every mutation; null for an API token, which needs none. */
  csrfToken: string | null;
}

const WRONG_CREDENTIALS = 'wrong email or password';

// An unknown email is checked against this hash, so it costs the same scrypt as a known one and
// response times do not tell which emails have accounts. Made once, at load, in the background.
const unknownUserHash = hashPassword(randomBytes(16).toString('base64url'));

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Checks an email and password and opens a session in one of the user's workspaces (the one
 * named, else the oldest they belong to): the cookie goes in `ctx.resHeaders`, the CSRF token in
 * the answer. A wrong email and a wrong password get the same 401.
 */
export async function signIn({
  ctx,
  input,
}: {
  ctx: Context;
  input: { email: string; password: string; workspace?: string | undefined };
}): Promise<Caller> {
  const resHeaders = requireResHeaders(ctx);
  const { db } = ctx.services;
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(input.email)));
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await unknownUserHash));
  if (!user || !valid) throw new ApiError('UNAUTHORIZED', WRONG_CREDENTIALS);

  const member = await db
    .select({ workspace: { id: workspaces.id, name: workspaces.name }, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(
      and(
        eq(memberships.userId, user.id),
        input.workspace === undefined ? undefined : eq(workspaces.name, input.workspace),
      ),
    )
    .orderBy(asc(workspaces.createdAt))
    .limit(1);
  const [membership] = member;
  if (!membership) {
    throw new ApiError(
      'FORBIDDEN',
      input.workspace === undefined
        ? `${user.email} is not a member of any workspace: ask an admin to add them`
        : `${user.email} is not a member of workspace "${input.workspace}"`,
    );
  }
  const session = await openSession(db, { userId: user.id, workspaceId: membership.workspace.id });
  resHeaders.append('set-cookie', sessionCookie(session, ctx.https));
  return {
    user: { id: user.id, email: user.email },
    workspace: membership.workspace,
    role: membership.role,
    csrfToken: session.csrfToken,
  };
}

/** Ends the caller's session and tells the browser to drop the cookie. */
export async function signOut({ ctx }: { ctx: Context }): Promise<void> {
  const resHeaders = requireResHeaders(ctx);
  if (ctx.actor?.kind !== 'user') {
    throw new ApiError(
      'INVALID',
      'signing out ends a browser session; an API token is revoked with DELETE /api/tokens/{id}',
    );
  }
  await closeSession(ctx.services.db, ctx.actor.sessionHash);
  resHeaders.append('set-cookie', clearedSessionCookie(ctx.https));
}

/** The signed-in user (or the token), their workspace and role. */
export async function describeCaller({ ctx }: { ctx: Context }): Promise<Caller> {
  const { actor } = ctx;
  if (!actor) throw new ApiError('UNAUTHORIZED', 'not signed in');
  const { db } = ctx.services;
  const [workspace] = await db
    .select({ id: workspaces.id, name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, actor.workspaceId));
  if (!workspace) throw new ApiError('UNAUTHORIZED', 'the workspace of this session is gone');
  if (actor.kind !== 'user') return { user: null, workspace, role: actor.role, csrfToken: null };
  const [user] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (!user) throw new ApiError('UNAUTHORIZED', 'the user of this session is gone');
  return { user, workspace, role: actor.role, csrfToken: actor.csrfToken };
}

function requireResHeaders(ctx: Context): Headers {
  if (!ctx.resHeaders) {
    throw new ApiError('INVALID', 'sessions are opened and closed over /trpc, not REST');
  }
  return ctx.resHeaders;
}
