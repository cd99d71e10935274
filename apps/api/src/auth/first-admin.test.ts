import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memberships, users } from '../db/schema/index.js';
import { addMemberOverHttp, trpc, type TrpcAnswer } from '../security/http-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const PASSWORD = 'first admin password';
const servers: TestServer[] = [];

async function freshServer(): Promise<TestServer> {
  const server = await startTestServer();
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const status = (server: TestServer) => trpc(server, 'query', 'auth.status', undefined);
const setUp = (server: TestServer, email: string, password = PASSWORD) =>
  trpc(server, 'mutation', 'auth.setup', { email, password });

function cookieOf(answer: TrpcAnswer): string {
  return (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('the first admin of a new server', () => {
  // One server, in order: refused inputs leave it waiting, setup succeeds, a second is refused.
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('needs a password of at least 10 characters and a real email address', async () => {
    const short = await setUp(server, 'grace@example.com', 'too short');
    expect(short.error?.data?.api?.code).toBe('INVALID');
    expect(short.error?.message).toMatch(/at least 10 characters/);
    const notEmail = await setUp(server, 'grace');
    expect(notEmail.error?.message).toMatch(/must be an email address/);
    expect((await status(server)).data).toEqual({ needsFirstAdmin: true });
    const stored = await server.services.db
      .select()
      .from(users)
      .where(eq(users.email, 'grace@example.com'));
    expect(stored).toEqual([]);
  });

  it('is asked for until someone sets it up, then signed in as admin of "default"', async () => {
    expect((await status(server)).data).toEqual({ needsFirstAdmin: true });

    const answer = await setUp(server, ' Grace@Example.com ');
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({
      user: { id: expect.stringMatching(/^usr_/) as unknown, email: 'grace@example.com' },
      workspace: { id: expect.stringMatching(/^ws_/) as unknown, name: 'default' },
      role: 'admin',
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
    });
    const setCookie = answer.headers.get('set-cookie') ?? '';
    expect(setCookie.toLowerCase()).toContain('httponly');

    // The cookie is a session like sign-in's: the admin can act at once.
    const me = await trpc(server, 'query', 'auth.me', undefined, { cookie: cookieOf(answer) });
    expect(me.data).toMatchObject({ user: { email: 'grace@example.com' }, role: 'admin' });
    expect((await status(server)).data).toEqual({ needsFirstAdmin: false });

    // …and signs in later with the password chosen.
    const signIn = await trpc(server, 'mutation', 'auth.signIn', {
      email: 'grace@example.com',
      password: PASSWORD,
    });
    expect(signIn.status).toBe(200);
  });

  it('is refused with 409 once it exists, changing nothing', async () => {
    const again = await setUp(server, 'mallory@example.com');
    expect(again.status).toBe(409);
    expect(again.error?.data?.api?.code).toBe('CONFLICT');
    expect(again.error?.message).toMatch(/already has its first admin/);
    expect(again.headers.get('set-cookie')).toBeNull();
    const known = await server.services.db.select({ email: users.email }).from(users);
    expect(known.map((u) => u.email)).toEqual(['grace@example.com']);
  });
});

describe('first admin setup against other members', () => {
  it('is refused once an admin added a member with the API token', async () => {
    const server = await freshServer();
    await addMemberOverHttp(server, {
      email: 'ada@example.com',
      password: 'ada password 123',
      role: 'planner',
    });
    expect((await status(server)).data).toEqual({ needsFirstAdmin: false });
    expect((await setUp(server, 'mallory@example.com')).status).toBe(409);
  });

  it('has exactly one winner when three setups race', async () => {
    const server = await freshServer();
    const answers = await Promise.all(
      ['one@example.com', 'two@example.com', 'three@example.com'].map((email) =>
        setUp(server, email),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const members = await server.services.db.select().from(memberships);
    expect(members).toHaveLength(1);
    expect(members[0]!.role).toBe('admin');
  });
});
