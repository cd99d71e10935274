import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { apiTokens, type Role } from '../db/schema/index.js';
import { ApiError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { WorkspaceContext } from '../context.js';
import { issueToken } from './token-secret.js';
import { lockWorkspace, otherAdminMembers, otherLiveAdminTokens } from './workspace-admins.js';
import { forgetActors } from './actor-cache.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface NewToken {
  name: string;
  role: Role;
  /** Without it the token works until revoked. */
  expiresInDays?: number | undefined;
}

/** A token as lists show it: never its hash, only the prefix that tells it apart. */
export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

export function createToken({
  ctx,
  input,
}: {
  ctx: WorkspaceContext;
  input: NewToken;
}): Promise<{ id: string; token: string }> {
  return storeNewToken(ctx.services.db, ctx.actor.workspaceId, input);
}

/**
 * A new token in the workspace: the plaintext is returned this once, only its hash is kept.
 * Shared by `POST /api/tokens` and `tessera admin create-token`.
 */
export async function storeNewToken(
  db: Database,
  workspaceId: string,
  input: NewToken,
  now = new Date(),
): Promise<{ id: string; token: string }> {
  const issued = issueToken();
  const id = newId('token');
  await db.insert(apiTokens).values({
    id,
    workspaceId,
    name: input.name,
    role: input.role,
    prefix: issued.prefix,
    hash: issued.hash,
    createdAt: now,
    expiresAt:
      input.expiresInDays === undefined
        ? null
        : new Date(now.getTime() + input.expiresInDays * DAY_MS),
  });
  return { id, token: issued.token };
}

export async function listTokens({ ctx }: { ctx: WorkspaceContext }): Promise<TokenInfo[]> {
  return ctx.services.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(apiTokens.createdAt), asc(apiTokens.id));
}

/**
 * Deletes a token: the next request with it is a 401. The workspace's last way to administer it
 * (the last live admin token when no member is admin) is kept.
 */
export async function revokeToken({
  ctx,
  input,
}: {
  ctx: WorkspaceContext;
  input: { id: string };
}): Promise<{ id: string }> {
  const { workspaceId } = ctx.actor;
  const now = new Date();
  const revoked = await ctx.services.db.transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const [token] = await tx
      .select({ id: apiTokens.id, role: apiTokens.role, name: apiTokens.name })
      .from(apiTokens)
      .where(and(eq(apiTokens.id, input.id), eq(apiTokens.workspaceId, workspaceId)));
    if (!token) throw notFound('token', input.id);
    if (
      token.role === 'admin' &&
      (await otherLiveAdminTokens(tx, workspaceId, token.id, now)) === 0 &&
      (await otherAdminMembers(tx, workspaceId)) === 0
    ) {
      throw new ApiError(
        'CONFLICT',
        `cannot revoke "${token.name}": it is the workspace's last admin token and no member is admin; add an admin member (members.add, or \`tessera admin create-user\`) or another admin token first`,
      );
    }
    await tx.delete(apiTokens).where(eq(apiTokens.id, token.id));
    return { id: token.id };
  });
  forgetActors(ctx.services.db);
  return revoked;
}
