import { readConfig, type Config } from '../config.js';
import type { Log } from '../services/services.js';
import { startServer, type RunningServer } from '../start-server.js';
import { pgliteTemplate } from './pglite-template.js';
import { createTestDatabase } from './postgres.js';

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
 * passes it), with a known admin token: tests talk to it over HTTP as integrators would. With
 * `TESSERA_TEST_DATABASE_URL` set, every server gets a fresh PostgreSQL database on that
 * server instead, dropped when it closes: the same suite runs on both databases.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: {
    plugins?: readonly string[];
    /** PGlite even when TESSERA_TEST_DATABASE_URL is set: for tests of the embedded server. */
    embedded?: boolean;
  } = {},
): Promise<TestServer> {
  const logged: string[] = [];
  const log: Log = {
    info: (message) => logged.push(message),
    error: (message, error) =>
      logged.push(`${message}: ${error instanceof Error ? error.message : String(error)}`),
  };
  const postgres =
    process.env.TESSERA_TEST_DATABASE_URL && !env.DATABASE_URL && !options.embedded
      ? await createTestDatabase(process.env.TESSERA_TEST_DATABASE_URL)
      : null;
  const config: Config = readConfig({
    PORT: '0',
    TESSERA_DATA: 'memory://',
    TESSERA_BOOTSTRAP_TOKEN: TEST_TOKEN,
    TESSERA_WORKERS: '1',
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    ...env,
  });
  const initialData =
    !config.databaseUrl && config.dataDir.startsWith('memory://')
      ? await pgliteTemplate()
      : undefined;
  let server: RunningServer;
  try {
    server = await startServer(config, {
      log,
      plugins: options.plugins ?? [],
      ...(initialData ? { initialData } : {}),
    });
  } catch (error) {
    await postgres?.drop();
    throw error;
  }
  return {
    ...server,
    close: async () => {
      try {
        await server.close();
      } finally {
        await postgres?.drop();
      }
    },
    token: TEST_TOKEN,
    logged,
    api: (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', `Bearer ${TEST_TOKEN}`);
      return fetch(`${server.url}${path}`, { ...init, headers });
    },
  };
}
