import { readConfig, type Config } from '../config.js';
import type { Log } from '../services/services.js';
import { startServer, type RunningServer } from '../start-server.js';

export const TEST_TOKEN = 'test-bootstrap-token-0123456789abcdef';

export interface TestServer extends RunningServer {
  token: string;
  /** `fetch` against the server with the admin token (unless headers say otherwise). */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** What the server logged, for assertions that nothing secret or unexpected was written. */
  logged: string[];
}

/**
 * A real server on a free loopback port, on in-memory PGlite (or `DATABASE_URL` when a test
 * passes it), with a known admin token: tests talk to it over HTTP as integrators would.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { plugins?: readonly string[] } = {},
): Promise<TestServer> {
  const logged: string[] = [];
  const log: Log = {
    info: (message) => logged.push(message),
    error: (message, error) =>
      logged.push(`${message}: ${error instanceof Error ? error.message : String(error)}`),
  };
  const config: Config = readConfig({
    PORT: '0',
    TESSERA_DATA: 'memory://',
    TESSERA_BOOTSTRAP_TOKEN: TEST_TOKEN,
    TESSERA_WORKERS: '1',
    ...env,
  });
  const server = await startServer(config, { log, plugins: options.plugins ?? [] });
  return {
    ...server,
    token: TEST_TOKEN,
    logged,
    api: (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', `Bearer ${TEST_TOKEN}`);
      return fetch(`${server.url}${path}`, { ...init, headers });
    },
  };
}
