import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMemberOverHttp, signInOverHttp, trpc } from '../security/http-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { addWorkspace } from '../testing/workspace-tokens.js';

const PASSWORD = 'a long enough password';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('members over REST', () => {
  it('adds a member with a new account, lists, changes the role and removes them', async () => {
    const added = await server.api(
      '/api/members',
      json('POST', { email: 'Grace@Example.com', password: PASSWORD, role: 'viewer' }),
    );
    expect(added.status).toBe(201);
    const member = (await added.json()) as { userId: string };
    expect(member).toEqual({
      userId: expect.stringMatching(/^usr_/) as unknown,
      email: 'grace@example.com',
      role: 'viewer',
      createdUser: true,
    });

    const list = (await (await server.api('/api/members')).json()) as { email: string }[];
    expect(list).toContainEqual({
      userId: member.userId,
      email: 'grace@example.com',
      role: 'viewer',
    });

    const promoted = await server.api(
      `/api/members/${member.userId}`,
      json('PUT', { role: 'planner' }),
    );
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toMatchObject({ role: 'planner' });

    const removed = await server.api(`/api/members/${member.userId}`, { method: 'DELETE' });
    expect(removed.status).toBe(200);
    const after = (await (await server.api('/api/members')).json()) as { userId: string }[];
    expect(after.map((m) => m.userId)).not.toContain(member.userId);
  });

  it('needs a password for a new account, and refuses one for an existing account', async () => {
    const noPassword = await server.api(
      '/api/members',
      json('POST', { email: 'new@example.com', role: 'viewer' }),
    );
    expect(noPassword.status).toBe(422);
    expect(await noPassword.json()).toMatchObject({
      code: 'INVALID',
      message: 'new@example.com has no account yet: give a password to create it',
    });

    await addMemberOverHttp(server, {
      email: 'linus@example.com',
      password: PASSWORD,
      role: 'viewer',
    });
    const other = await addWorkspace(server);
    const withPassword = await server.api('/api/members', {
      ...json('POST', { email: 'linus@example.com', password: 'another password!', role: 'admin' }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other.token}` },
    });
    expect(withPassword.status).toBe(409);

    // Without one, the existing account joins the other workspace and keeps its password.
    const joined = await addMemberOverHttp(
      server,
      { email: 'linus@example.com', role: 'admin' },
      other.token,
    );
    expect(joined).toMatchObject({ createdUser: false, role: 'admin' });
    const again = await server.api(
      '/api/members',
      json('POST', { email: 'linus@example.com', role: 'planner' }),
    );
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toContain('already a member');
  });

  it('keeps the last admin: neither demoted nor removed', async () => {
    const { userId } = await addMemberOverHttp(server, {
      email: 'only-admin@example.com',
      password: PASSWORD,
      role: 'admin',
    });
    const demote = await server.api(`/api/members/${userId}`, json('PUT', { role: 'planner' }));
    expect(demote.status).toBe(409);
    expect(((await demote.json()) as { message: string }).message).toContain('last admin');
    expect((await server.api(`/api/members/${userId}`, { method: 'DELETE' })).status).toBe(409);

    const second = await addMemberOverHttp(server, {
      email: 'second-admin@example.com',
      password: PASSWORD,
      role: 'admin',
    });
    expect(
      (await server.api(`/api/members/${userId}`, json('PUT', { role: 'planner' }))).status,
    ).toBe(200);
    expect((await server.api(`/api/members/${second.userId}`, { method: 'DELETE' })).status).toBe(
      409,
    );
  });

  it("takes a removed member's session away at once", async () => {
    const { userId } = await addMemberOverHttp(server, {
      email: 'leaving@example.com',
      password: PASSWORD,
      role: 'planner',
    });
    const session = await signInOverHttp(server, 'leaving@example.com', PASSWORD);
    expect(
      (await trpc(server, 'query', 'auth.me', undefined, { cookie: session.cookie })).status,
    ).toBe(200);
    await server.api(`/api/members/${userId}`, { method: 'DELETE' });
    expect(
      (await trpc(server, 'query', 'auth.me', undefined, { cookie: session.cookie })).status,
    ).toBe(401);
  });

  it("gives a demoted member's session its new role at once", async () => {
    const { userId } = await addMemberOverHttp(server, {
      email: 'demoted@example.com',
      password: PASSWORD,
      role: 'planner',
    });
    const session = await signInOverHttp(server, 'demoted@example.com', PASSWORD);
    const me = () => trpc(server, 'query', 'auth.me', undefined, { cookie: session.cookie });
    expect((await me()).data).toMatchObject({ role: 'planner' });
    await server.api(`/api/members/${userId}`, json('PUT', { role: 'viewer' }));
    expect((await me()).data).toMatchObject({ role: 'viewer' });
  });

  it("answers another workspace's member as not found", async () => {
    const other = await addWorkspace(server);
    const { userId } = await addMemberOverHttp(
      server,
      { email: 'elsewhere@example.com', password: PASSWORD, role: 'planner' },
      other.token,
    );
    expect(
      (await server.api(`/api/members/${userId}`, json('PUT', { role: 'admin' }))).status,
    ).toBe(404);
    expect((await server.api(`/api/members/${userId}`, { method: 'DELETE' })).status).toBe(404);
  });
});
