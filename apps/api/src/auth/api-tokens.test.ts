import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../db/schema/index.js';
import { addMemberOverHttp } from '../security/http-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { addWorkspace } from '../testing/workspace-tokens.js';
import { hashSecret } from './token-secret.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

interface Listed {
  id: string;
  name: string;
  role: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

async function create(body: unknown, token = server.token) {
  return server.api('/api/tokens', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

const withToken = (token: string, path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}` } });

describe('API tokens over REST', () => {
  it('creates a token shown once, stored only as its hash, that works with its role', async () => {
    const response = await create({ name: 'ci', role: 'planner', expiresInDays: 30 });
    expect(response.status).toBe(201);
    const { id, token } = (await response.json()) as { id: string; token: string };
    expect(token).toMatch(/^tsr_[A-Za-z0-9_-]{43}$/);

    const [row] = await server.services.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row?.hash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);

    expect((await withToken(token, '/api/plugins')).status).toBe(200);
    expect((await withToken(token, '/api/tokens')).status).toBe(403);

    const list = (await (await server.api('/api/tokens')).json()) as Listed[];
    const listed = list.find((t) => t.id === id);
    expect(listed).toMatchObject({ name: 'ci', role: 'planner', prefix: `${token.slice(0, 8)}…` });
    expect(Object.keys(listed!).sort()).toEqual(
      ['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'role'].sort(),
    );
    const days = (Date.parse(listed!.expiresAt!) - Date.parse(listed!.createdAt)) / 86_400_000;
    expect(days).toBe(30);
    expect(listed!.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(token);
    expect(JSON.stringify(list)).not.toContain(row!.hash);
  });

  it('revokes a token: the next request with it is a 401', async () => {
    const { id, token } = (await (
      await create({ name: 'short-lived', role: 'viewer' })
    ).json()) as {
      id: string;
      token: string;
    };
    expect((await withToken(token, '/api/plugins')).status).toBe(200);
    const revoked = await server.api(`/api/tokens/${id}`, { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toEqual({ id });
    expect((await withToken(token, '/api/plugins')).status).toBe(401);
    expect((await server.api(`/api/tokens/${id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses a bad request with the field named', async () => {
    const response = await create({ name: '', role: 'owner' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe('INVALID');
    expect(body.message).toMatch(/name/);
    expect(body.message).toMatch(/role/);
  });

  it("keeps a workspace's last way to administer it", async () => {
    const other = await addWorkspace(server);
    const [own] = (await (await withToken(other.token, '/api/tokens')).json()) as Listed[];
    const self = await withToken(other.token, `/api/tokens/${own!.id}`, { method: 'DELETE' });
    expect(self.status).toBe(409);
    expect(((await self.json()) as { message: string }).message).toContain('last admin token');

    // With an admin member, the token may go.
    await addMemberOverHttp(
      server,
      { email: 'ops@example.com', password: 'a long enough password', role: 'admin' },
      other.token,
    );
    const now = await withToken(other.token, `/api/tokens/${own!.id}`, { method: 'DELETE' });
    expect(now.status).toBe(200);
    expect((await withToken(other.token, '/api/tokens')).status).toBe(401);
  });

  it("answers another workspace's token as not found, and lists only the caller's", async () => {
    const other = await addWorkspace(server);
    const theirs = (await (
      await create({ name: 'theirs', role: 'viewer' }, other.token)
    ).json()) as {
      id: string;
    };
    expect((await server.api(`/api/tokens/${theirs.id}`, { method: 'DELETE' })).status).toBe(404);
    const mine = (await (await server.api('/api/tokens')).json()) as Listed[];
    expect(mine.map((t) => t.id)).not.toContain(theirs.id);
  });
});
