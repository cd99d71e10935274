import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { serialize } from 'hono/utils/cookie';
import type { Database } from '../db/database.js';
import { sessions } from '../db/schema/index.js';
import { SESSION_COOKIE } from './authenticate.js';
import { hashSecret } from './token-secret.js';
import { forgetActors } from './actor-cache.js';

export const SESSION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A session as handed to the browser: the id goes in the cookie, the CSRF token in the body. */
export interface OpenedSession {
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

/** A new session for a member; only the SHA-256 of its id is stored. */
export async function openSession(
  db: Database,
  member: { userId: string; workspaceId: string },
  now = new Date(),
): Promise<OpenedSession> {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
  await db.insert(sessions).values({ idHash: hashSecret(id), ...member, csrfToken, expiresAt });
  return { id, csrfToken, expiresAt };
}

export async function closeSession(db: Database, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
  forgetActors(db);
}

/**
 * The Set-Cookie value for a session: HttpOnly so scripts cannot read it, SameSite=Lax so other
 * sites' forms and fetches do not carry it, Secure whenever the request came over https.
 */
export function sessionCookie(session: OpenedSession, secure: boolean): string {
  return serialize(SESSION_COOKIE, session.id, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure,
    expires: session.expiresAt,
    maxAge: (SESSION_DAYS * DAY_MS) / 1000,
  });
}

/** The Set-Cookie value that makes the browser forget the session. */
export function clearedSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, '', {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure,
    expires: new Date(0),
    maxAge: 0,
  });
}
