import { and, eq, gt } from 'drizzle-orm';
import type { Actor } from '../context.js';
import type { Database } from '../db/database.js';
import { apiTokens, memberships, sessions } from '../db/schema/index.js';
import { actorCache } from './actor-cache.js';
import { hashSecret, isPlausibleToken } from './token-secret.js';

export const SESSION_COOKIE = 'tessera_session';
// A token's last use is written at most this often, so reads stay reads.
const LAST_USED_EVERY_MS = 5 * 60_000;

/**
 * The actor behind a request: a bearer token, else a session cookie; null for neither (or a
 * malformed, unknown, expired or revoked one, which is told apart from none only by the log).
 */
export async function authenticate(
  db: Database,
  headers: Headers,
  now = new Date(),
): Promise<Actor | null> {
  const authorization = headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    return match ? tokenActor(db, match[1]!, now) : null;
  }
  const session = readCookie(headers.get('cookie'), SESSION_COOKIE);
  return session ? sessionActor(db, session, now) : null;
}

async function tokenActor(db: Database, token: string, now: Date): Promise<Actor | null> {
  if (!isPlausibleToken(token)) return null;
  const hash = hashSecret(token);
  const cache = actorCache(db);
  const cached = cache.get(hash, now.getTime());
  if (cached) return cached;
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.hash, hash));
  if (!row || (row.expiresAt && row.expiresAt <= now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  const actor: Actor = {
    kind: 'token',
    tokenId: row.id,
    workspaceId: row.workspaceId,
    role: row.role,
  };
  cache.set(hash, actor, now.getTime(), row.expiresAt);
  return actor;
}

async function sessionActor(db: Database, id: string, now: Date): Promise<Actor | null> {
  if (!isPlausibleToken(id)) return null;
  const idHash = hashSecret(id);
  const cache = actorCache(db);
  const cached = cache.get(idHash, now.getTime());
  if (cached) return cached;
  const [row] = await db
    .select({
      userId: sessions.userId,
      workspaceId: sessions.workspaceId,
      csrfToken: sessions.csrfToken,
      role: memberships.role,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(
      memberships,
      and(
        eq(memberships.userId, sessions.userId),
        eq(memberships.workspaceId, sessions.workspaceId),
      ),
    )
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)));
  if (!row) return null;
  const { expiresAt, ...member } = row;
  const actor: Actor = { kind: 'user', ...member, sessionHash: idHash };
  cache.set(idHash, actor, now.getTime(), expiresAt);
  return actor;
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name)
      return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}
