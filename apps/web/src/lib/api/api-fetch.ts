/**
 * Every request the planner makes to its own server goes through here: same origin, with the
 * session cookie, and one place that notices a session that has ended (a 401 on anything but
 * the sign-in procedures themselves) so the app can send the planner back to sign in.
 */

type UnauthorizedHandler = () => void;

let onUnauthorized: UnauthorizedHandler = () => {};

/** Called once by the session module: what to do when a call answers 401. */
export function whenUnauthorized(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

// Procedures where a 401 is an answer, not an ended session: who am I, sign in, first admin.
const AUTH_PATH = /\/trpc\/auth\.[A-Za-z]+(,auth\.[A-Za-z]+)*(\?|$)/;

export async function apiFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, { ...init, credentials: 'same-origin' });
  if (response.status === 401 && !AUTH_PATH.test(requestUrl(input))) onUnauthorized();
  return response;
}

function requestUrl(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}
