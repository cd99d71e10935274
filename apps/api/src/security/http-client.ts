import type { TestServer } from '../testing/test-server.js';

/** What a browser keeps after signing in: the cookie it sends and the CSRF token it echoes. */
export interface BrowserSession {
  cookie: string;
  csrfToken: string;
  /** The Set-Cookie header the sign-in answered with. */
  setCookie: string;
}

export interface TrpcAnswer {
  status: number;
  headers: Headers;
  data: unknown;
  error: { message: string; data?: { api?: { code: string; message: string } } } | null;
}

/**
 * Calls a tRPC procedure over plain HTTP as the web app's client would (no batching): a query
 * as GET with `?input=`, a mutation as POST with the input as JSON.
 */
export async function trpc(
  server: Pick<TestServer, 'url'>,
  type: 'query' | 'mutation',
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<TrpcAnswer> {
  const url = new URL(`/trpc/${path}`, server.url);
  if (type === 'query' && input !== undefined) url.searchParams.set('input', JSON.stringify(input));
  const response = await fetch(url, {
    method: type === 'query' ? 'GET' : 'POST',
    headers: type === 'query' ? headers : { 'content-type': 'application/json', ...headers },
    body: type === 'mutation' && input !== undefined ? JSON.stringify(input) : undefined,
  });
  const body = (await response.json()) as {
    result?: { data: unknown };
    error?: TrpcAnswer['error'];
  };
  return {
    status: response.status,
    headers: response.headers,
    data: body.result?.data,
    error: body.error ?? null,
  };
}

/** Signs in over tRPC; throws with the server's message when that fails. */
export async function signInOverHttp(
  server: Pick<TestServer, 'url'>,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<BrowserSession> {
  const answer = await trpc(server, 'mutation', 'auth.signIn', { email, password }, headers);
  if (answer.error) throw new Error(`sign-in failed (${answer.status}): ${answer.error.message}`);
  const setCookie = answer.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  const { csrfToken } = answer.data as { csrfToken: string };
  return { cookie, csrfToken, setCookie };
}

/** Adds a member (creating the account) through the REST surface with an admin token. */
export async function addMemberOverHttp(
  server: TestServer,
  member: { email: string; password?: string; role: string },
  token = server.token,
): Promise<{ userId: string }> {
  const response = await server.api('/api/members', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(member),
  });
  if (response.status !== 201) {
    throw new Error(`adding ${member.email} failed (${response.status}): ${await response.text()}`);
  }
  return (await response.json()) as { userId: string };
}
