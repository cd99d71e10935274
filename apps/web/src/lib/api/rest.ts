import { apiFetch } from './api-fetch.ts';
import { csrfToken } from './csrf.ts';

/** A refused REST call: the server's error body (`{ code, message, details }`) and status. */
export class RestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, body: { code: string; message: string; details?: unknown }) {
    super(body.message);
    this.name = 'RestError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }
}

/**
 * A call to the API's plain REST routes (`/api/…`: the multipart upload and downloads, which
 * tRPC does not carry): same origin with the session cookie, the CSRF token on anything but a
 * read, and a {@link RestError} for any answer that is not 2xx.
 */
export async function restFetch(path: `/api/${string}`, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const method = (init.method ?? 'GET').toUpperCase();
  const token = csrfToken();
  if (method !== 'GET' && method !== 'HEAD' && token) headers.set('x-csrf-token', token);
  const response = await apiFetch(path, { ...init, headers });
  if (!response.ok) throw await restError(response);
  return response;
}

async function restError(response: Response): Promise<RestError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown; details?: unknown };
    if (typeof body.code === 'string' && typeof body.message === 'string') {
      return new RestError(response.status, {
        code: body.code,
        message: body.message,
        details: body.details,
      });
    }
  } catch {
    // not JSON: a proxy's error page, say; its first words are kept below
  }
  const snippet = text.slice(0, 200).trim();
  return new RestError(response.status, {
    code: `HTTP_${String(response.status)}`,
    message: `${String(response.status)} ${response.statusText}${snippet ? `: ${snippet}` : ''}`,
  });
}
