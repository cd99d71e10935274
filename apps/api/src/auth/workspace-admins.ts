import { and, count, eq, gt, isNull, ne, or } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { apiTokens, memberships, workspaces } from '../db/schema/index.js';

/** A transaction on the database, as `db.transaction` hands it to its callback. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Locks the workspace row until the transaction ends, so two admins demoting or revoking each
 * other at once are taken one after the other and cannot both see "another admin is left".
 */
export async function lockWorkspace(tx: Transaction, workspaceId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for('update');
  return rows.length > 0;
}

/** Members holding the admin role, besides `exceptUserId` when given. */
export async function otherAdminMembers(
  tx: Transaction,
  workspaceId: string,
  exceptUserId?: string,
): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(
      and(
        eq(memberships.workspaceId, workspaceId),
        eq(memberships.role, 'admin'),
        exceptUserId === undefined ? undefined : ne(memberships.userId, exceptUserId),
      ),
    );
  return row?.n ?? 0;
}

/** Admin tokens that still work (not expired), besides `exceptTokenId`. */
export async function otherLiveAdminTokens(
  tx: Transaction,
  workspaceId: string,
  exceptTokenId: string,
  now: Date,
): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.workspaceId, workspaceId),
        eq(apiTokens.role, 'admin'),
        ne(apiTokens.id, exceptTokenId),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  return row?.n ?? 0;
}
