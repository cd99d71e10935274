import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../db/schema/index.js';
import { addMemberOverHttp, signInOverHttp, trpc } from '../security/http-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { hashSecret } from './token-secret.js';

const PASSWORD = 'correct horse battery staple';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await addMemberOverHttp(server, {
    email: 'Ada@Example.com',
    password: PASSWORD,
    role: 'planner',
  });
});
afterAll(async () => {
  await server.close();
});

describe('signing in with email and password', () => {
  it('opens a session: an HttpOnly, SameSite=Lax cookie for 30 days and a CSRF token', async () => {
    const session = await signInOverHttp(server, 'ada@example.com', PASSWORD);
    const attributes = session.setCookie.split(';').map((a) => a.trim().toLowerCase());
    expect(session.cookie).toMatch(/^tessera_session=[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual(
      expect.arrayContaining(['httponly', 'samesite=lax', 'path=/', 'max-age=2592000']),
    );
    expect(attributes).not.toContain('secure');
    expect(session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Only the SHA-256 of the id is stored.
    const id = session.cookie.split('=')[1]!;
    const stored = await server.services.db.select().from(sessions);
    expect(stored.map((s) => s.idHash)).toContain(hashSecret(id));
    expect(JSON.stringify(stored)).not.toContain(id);
  });

  it('marks the cookie Secure when the request came over https (through a proxy)', async () => {
    const session = await signInOverHttp(server, 'ada@example.com', PASSWORD, {
      'x-forwarded-proto': 'https',
    });
    expect(session.setCookie.toLowerCase()).toMatch(/;\s*secure/);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrongPassword = await trpc(server, 'mutation', 'auth.signIn', {
      email: 'ada@example.com',
      password: 'not the password at all',
    });
    const unknownEmail = await trpc(server, 'mutation', 'auth.signIn', {
      email: 'nobody@example.com',
      password: PASSWORD,
    });
    for (const answer of [wrongPassword, unknownEmail]) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get('set-cookie')).toBeNull();
      expect(answer.error?.data?.api).toEqual({
        code: 'UNAUTHORIZED',
        message: 'wrong email or password',
      });
    }
  });

  it('tells the web app who is signed in, in which workspace and with which role', async () => {
    const session = await signInOverHttp(server, 'ada@example.com', PASSWORD);
    const me = await trpc(server, 'query', 'auth.me', undefined, { cookie: session.cookie });
    expect(me.status).toBe(200);
    expect(me.data).toEqual({
      user: { id: expect.stringMatching(/^usr_/) as unknown, email: 'ada@example.com' },
      workspace: { id: expect.stringMatching(/^ws_/) as unknown, name: 'default' },
      role: 'planner',
      csrfToken: session.csrfToken,
    });
    const anonymous = await trpc(server, 'query', 'auth.me', undefined);
    expect(anonymous.status).toBe(401);
  });

  it('refuses a mutation made with the session unless it carries the CSRF token, over tRPC and REST', async () => {
    await addMemberOverHttp(server, {
      email: 'root@example.com',
      password: PASSWORD,
      role: 'admin',
    });
    const session = await signInOverHttp(server, 'root@example.com', PASSWORD);
    const body = JSON.stringify({ name: 'from the browser', role: 'viewer' });
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, ...headers },
        body,
      });

    const withoutHeader = await post({});
    expect(withoutHeader.status).toBe(403);
    expect(await withoutHeader.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('x-csrf-token') as unknown,
    });
    expect((await post({ 'x-csrf-token': 'a-guess' })).status).toBe(403);
    expect((await post({ 'x-csrf-token': session.csrfToken })).status).toBe(201);

    const overTrpc = await trpc(server, 'mutation', 'tokens.create', JSON.parse(body), {
      cookie: session.cookie,
    });
    expect(overTrpc.status).toBe(403);
    // Reads need no CSRF token.
    const list = await fetch(`${server.url}/api/tokens`, { headers: { cookie: session.cookie } });
    expect(list.status).toBe(200);
  });

  it('signs out: the session row goes, the cookie is cleared and no longer works', async () => {
    const session = await signInOverHttp(server, 'ada@example.com', PASSWORD);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    const out = await trpc(server, 'mutation', 'auth.signOut', undefined, headers);
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')?.toLowerCase()).toMatch(/^tessera_session=;.*max-age=0/);
    const id = session.cookie.split('=')[1]!;
    const left = await server.services.db
      .select()
      .from(sessions)
      .where(eq(sessions.idHash, hashSecret(id)));
    expect(left).toEqual([]);
    const me = await trpc(server, 'query', 'auth.me', undefined, { cookie: session.cookie });
    expect(me.status).toBe(401);
  });

  it('no longer accepts an expired session', async () => {
    const session = await signInOverHttp(server, 'ada@example.com', PASSWORD);
    const id = session.cookie.split('=')[1]!;
    await server.services.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.idHash, hashSecret(id)));
    const me = await trpc(server, 'query', 'auth.me', undefined, { cookie: session.cookie });
    expect(me.status).toBe(401);
  });

  it('refuses new passwords under 10 characters, and never logs a password', async () => {
    const response = await server.api('/api/members', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'short@example.com', password: 'too-short', role: 'viewer' }),
    });
    // trpc-to-openapi answers input validation with 400; the body has the error shape.
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(
      'at least 10 characters',
    );
    expect(server.logged.join('\n')).not.toContain(PASSWORD);
    expect(server.logged.join('\n')).not.toContain('too-short');
  });
});
