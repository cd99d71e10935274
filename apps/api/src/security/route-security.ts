import { request } from 'node:http';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../auth/token-secret.js';
import { apiTokens, ROLES, type Role } from '../db/schema/index.js';
import type { TestServer } from '../testing/test-server.js';
import { addToken, addWorkspace, defaultWorkspaceId } from '../testing/workspace-tokens.js';

/** A workspace as a route's fixtures see it: its id and an admin token for it. */
export interface WorkspaceCaller {
  server: TestServer;
  workspaceId: string;
  /** An admin token of this workspace. */
  token: string;
}

/** One REST route, described once for the shared checks. */
export interface RouteUnderTest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** As in the OpenAPI document; its one `{…}` parameter is filled with `record`'s id. */
  path: string;
  /** The least role that may call it. */
  minRole: Role;
  /** A valid body (JSON, or FormData for uploads), made anew for each call. */
  body?: (caller: WorkspaceCaller) => unknown;
  /** Makes the record the path names, in the caller's workspace; returns its id. */
  record?: (caller: WorkspaceCaller) => Promise<string>;
  /** What the least role gets for a valid request (default: 201 for POST, else 200). */
  okStatus?: number;
}

/** What the checks need: the server, a token per role, and a second tenant. */
export interface SecurityFixture {
  own: WorkspaceCaller;
  other: WorkspaceCaller;
  tokenFor: Record<Role, string>;
  revokedToken: string;
  expiredToken: string;
  /** The server's body limit, to send one byte more. */
  maxBodyBytes: number;
}

/**
 * The second tenant and the tokens the checks use, made straight in the database. Start the
 * server with a small `TESSERA_MAX_BODY_MB` and a rate limit out of the way.
 */
export async function securityFixture(server: TestServer): Promise<SecurityFixture> {
  const tokenFor = {} as Record<Role, string>;
  for (const role of ROLES) tokenFor[role] = await addToken(server, role);
  const revokedToken = await addToken(server, 'admin');
  const expiredToken = await addToken(server, 'admin');
  const { db } = server.services;
  await db.delete(apiTokens).where(eq(apiTokens.hash, hashSecret(revokedToken)));
  await db
    .update(apiTokens)
    .set({ expiresAt: new Date(Date.now() - 60_000) })
    .where(eq(apiTokens.hash, hashSecret(expiredToken)));
  return {
    own: { server, workspaceId: await defaultWorkspaceId(server), token: tokenFor.admin },
    other: { server, ...(await addWorkspace(server)) },
    tokenFor,
    revokedToken,
    expiredToken,
    maxBodyBytes: server.services.config.maxBodyBytes,
  };
}

interface Sent {
  status: number;
  body: { code?: string; message?: string; requestId?: string; stack?: unknown };
}

/**
 * The checks every route must pass over HTTP (unkey's common route tests): no, malformed,
 * revoked or expired token → 401; a role below the least → 403; another workspace's record →
 * 404; a malformed body → 400/422; an oversized body → 413; each with the error shape. And the
 * least role does get through, so the refusals above are not a broken request in disguise.
 */
export function describeRouteSecurity(route: RouteUnderTest, fixture: () => SecurityFixture): void {
  describe(`${route.method} ${route.path}`, () => {
    let path: string;
    beforeAll(async () => {
      path = route.record ? fill(route.path, await route.record(fixture().own)) : route.path;
    });

    const send = async (
      headers: Record<string, string>,
      body?: RequestInit['body'],
    ): Promise<Sent> => {
      const response = await fetch(`${fixture().own.server.url}/api${path}`, {
        method: route.method,
        headers,
        body: body ?? (await bodyOf(route, fixture().own, headers)),
      });
      return read(response);
    };
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    it('is 401 without a token, or with a malformed, revoked or expired one', async () => {
      const { revokedToken, expiredToken } = fixture();
      for (const headers of [
        {},
        { authorization: 'Bearer not a token' },
        { authorization: 'Bearer tsr_short' },
        { authorization: `Basic ${btoa('admin:admin')}` },
        bearer(revokedToken),
        bearer(expiredToken),
      ]) {
        const sent = await send(headers);
        expect(sent.status, JSON.stringify(headers)).toBe(401);
        expectErrorShape(sent, 'UNAUTHORIZED');
      }
    });

    const below = ROLES.slice(0, ROLES.indexOf(route.minRole));
    if (below.length > 0) {
      it(`is 403 for ${below.join(' and ')}`, async () => {
        for (const role of below) {
          const sent = await send(bearer(fixture().tokenFor[role]));
          expect(sent.status, role).toBe(403);
          expectErrorShape(sent, 'FORBIDDEN');
        }
      });
    }

    if (route.record) {
      const makeRecord = route.record;
      it("is 404 for another workspace's record, even for an admin", async () => {
        const { other, own } = fixture();
        const theirs = fill(route.path, await makeRecord(other));
        const headers = bearer(own.token);
        const response = await fetch(`${own.server.url}/api${theirs}`, {
          method: route.method,
          headers,
          body: await bodyOf(route, own, headers),
        });
        const sent = await read(response);
        expect(sent.status).toBe(404);
        expectErrorShape(sent, 'NOT_FOUND');
      });
    }

    if (route.body) {
      it('refuses a malformed body with the error shape', async () => {
        const multipart = (await bodyOf(route, fixture().own, {})) instanceof FormData;
        const sent = await send(
          {
            ...bearer(fixture().tokenFor[route.minRole]),
            'content-type': multipart
              ? 'multipart/form-data; boundary=nothing-follows'
              : 'application/json',
          },
          multipart ? '--not-the-boundary\r\n\r\nbroken' : '{"broken": ',
        );
        expect([400, 422]).toContain(sent.status);
        expectErrorShape(sent, 'INVALID');
      });
    }

    if (route.method !== 'GET') {
      it('refuses a body over the limit with 413, declared or streamed', async () => {
        const { maxBodyBytes, tokenFor, own } = fixture();
        for (const declared of [true, false]) {
          const sent = await sendOversized(new URL(`/api${path}`, own.server.url), {
            method: route.method,
            headers: { ...bearer(tokenFor[route.minRole]), 'content-type': 'application/json' },
            bytes: maxBodyBytes + 1,
            declared,
          });
          expect(sent.status, declared ? 'content-length' : 'chunked').toBe(413);
          expectErrorShape(sent, 'PAYLOAD_TOO_LARGE');
        }
      });
    }

    it(`lets ${route.minRole} through`, async () => {
      const sent = await send(bearer(fixture().tokenFor[route.minRole]));
      expect(sent.status, JSON.stringify(sent.body)).toBe(
        route.okStatus ?? (route.method === 'POST' ? 201 : 200),
      );
    });
  });
}

/**
 * Sends `bytes` of body, announced in Content-Length or streamed in chunks, and reads the answer
 * even when the server gives it before the body is through (fetch fails on that socket).
 */
function sendOversized(
  url: URL,
  options: { method: string; headers: Record<string, string>; bytes: number; declared: boolean },
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    // Node frames a DELETE's body only when told to.
    const headers = options.declared
      ? { ...options.headers, 'content-length': String(options.bytes) }
      : { ...options.headers, 'transfer-encoding': 'chunked' };
    let answered = false;
    const req = request(url, { method: options.method, headers }, (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Sent['body'] });
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (options.declared) {
      // The announced length alone must be enough to refuse it.
      req.flushHeaders();
      return;
    }
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let left = options.bytes;
    const write = (): void => {
      while (left > 0 && !answered) {
        const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= part.length;
        if (!req.write(part)) {
          req.once('drain', write);
          return;
        }
      }
      if (!answered) req.end();
    };
    write();
  });
}

/** The status, and the body when it is JSON (an error always is; a download is not). */
async function read(response: Response): Promise<Sent> {
  const json = response.headers.get('content-type')?.includes('application/json');
  return {
    status: response.status,
    body: json ? ((await response.json()) as Sent['body']) : {},
  };
}

function fill(path: string, id: string): string {
  return path.replace(/\{[^}]+\}/, encodeURIComponent(id));
}

/** The route's valid body for `caller`, with its content type added to `headers`. */
async function bodyOf(
  route: RouteUnderTest,
  caller: WorkspaceCaller,
  headers: Record<string, string>,
): Promise<RequestInit['body']> {
  if (!route.body) return undefined;
  const body = await route.body(caller);
  if (body instanceof FormData) return body;
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(body);
}

/** `{ code, message, requestId }` and nothing from inside the server. */
export function expectErrorShape(sent: Sent, code: string): void {
  expect(sent.body.code, JSON.stringify(sent.body)).toBe(code);
  expect(typeof sent.body.message).toBe('string');
  expect(sent.body.requestId).toBeTruthy();
  expect(JSON.stringify(sent.body)).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:\d+/);
}
