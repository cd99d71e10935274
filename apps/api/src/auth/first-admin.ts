import { count, eq } from 'drizzle-orm';
import type { Context } from '../context.js';
import { memberships, users, workspaces } from '../db/schema/index.js';
import { ApiError } from '../errors.js';
import { newId } from '../ids.js';
import { hashPassword } from './password.js';
import { openSession, sessionCookie } from './session.js';
import { normalizeEmail, type Caller } from './sign-in.js';
import { lockWorkspace } from './workspace-admins.js';

/** The workspace a new server makes at its first start (auth/bootstrap.ts). */
const DEFAULT_WORKSPACE = 'default';

/**
 * Whether the server still waits for its first person: workspace `default` has no member yet.
 * Public: the sign-in page asks it to offer "Create the first admin account".
 */
export async function firstAdminStatus({
  ctx,
}: {
  ctx: Context;
}): Promise<{ needsFirstAdmin: boolean }> {
  const { db } = ctx.services;
  const [row] = await db
    .select({ members: count(memberships.userId) })
    .from(workspaces)
    .leftJoin(memberships, eq(memberships.workspaceId, workspaces.id))
    .where(eq(workspaces.name, DEFAULT_WORKSPACE));
  // No default workspace at all (it was renamed or deleted): there is nothing to set up here.
  return { needsFirstAdmin: row !== undefined && row.members === 0 };
}

/**
 * Creates the first account as admin of workspace `default` and signs it in, as `auth.signIn`
 * does (cookie in `ctx.resHeaders`, CSRF token in the answer). Refused with 409 once the
 * workspace has any member: the workspace row is locked while it is checked and the member
 * added, so of two setups at once exactly one wins and the other is told.
 */
export async function setUpFirstAdmin({
  ctx,
  input,
}: {
  ctx: Context;
  input: { email: string; password: string };
}): Promise<Caller> {
  if (!ctx.resHeaders) {
    throw new ApiError('INVALID', 'sessions are opened and closed over /trpc, not REST');
  }
  const { db } = ctx.services;
  const email = normalizeEmail(input.email);
  // Hashed before the transaction: scrypt is slow and needs no lock.
  const passwordHash = await hashPassword(input.password);
  const admin = await db.transaction(async (tx) => {
    const [workspace] = await tx
      .select({ id: workspaces.id, name: workspaces.name })
      .from(workspaces)
      .where(eq(workspaces.name, DEFAULT_WORKSPACE));
    if (!workspace || !(await lockWorkspace(tx, workspace.id))) {
      throw new ApiError('CONFLICT', 'this server has no "default" workspace to set up');
    }
    const [members] = await tx
      .select({ n: count() })
      .from(memberships)
      .where(eq(memberships.workspaceId, workspace.id));
    if ((members?.n ?? 0) > 0) {
      throw new ApiError(
        'CONFLICT',
        'this server already has its first admin: sign in, or ask an admin to add you',
      );
    }
    const [user] = await tx
      .insert(users)
      .values({ id: newId('user'), email, passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email });
    if (!user) {
      throw new ApiError(
        'CONFLICT',
        `${email} already has an account on this server: sign in with it instead`,
      );
    }
    await tx
      .insert(memberships)
      .values({ workspaceId: workspace.id, userId: user.id, role: 'admin' });
    return { user, workspace };
  });
  const session = await openSession(db, {
    userId: admin.user.id,
    workspaceId: admin.workspace.id,
  });
  ctx.resHeaders.append('set-cookie', sessionCookie(session, ctx.https));
  return {
    user: admin.user,
    workspace: admin.workspace,
    role: 'admin',
    csrfToken: session.csrfToken,
  };
}
