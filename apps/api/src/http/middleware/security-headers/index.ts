import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export interface SecurityHeadersOptions {
  /** Whether other sites may frame the pages (never for the planner: clickjacking). */
  allowFraming?: boolean;
}

/**
 * hono/secure-headers' defaults (nosniff, no referrer, HSTS, same-origin opener and resource
 * policies, no X-Powered-By), with framing refused outright. No Content-Security-Policy here:
 * the web app's needs (workers, WebGL, inline styles) decide it, beside the web app.
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): MiddlewareHandler {
  return secureHeaders({ xFrameOptions: options.allowFraming ? false : 'DENY' });
}
