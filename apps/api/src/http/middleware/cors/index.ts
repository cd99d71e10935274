import type { MiddlewareHandler } from 'hono';
import { cors as honoCors } from 'hono/cors';

export interface CorsOptions {
  /** Origins whose pages may call the API (`https://app.example.com`); none: CORS stays off. */
  origins: readonly string[];
}

/**
 * Cross-origin calls from the listed origins only (TESSERA_CORS_ORIGINS), with bearer tokens
 * rather than cookies: sessions are for the web app the server itself serves.
 */
export function cors(options: CorsOptions): MiddlewareHandler {
  if (options.origins.length === 0) return (_c, next) => next();
  return honoCors({
    origin: [...options.origins],
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'],
    allowHeaders: ['authorization', 'content-type', 'x-csrf-token'],
    exposeHeaders: ['retry-after', 'x-request-id'],
    credentials: false,
    maxAge: 600,
  });
}
