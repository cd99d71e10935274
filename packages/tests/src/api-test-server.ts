import { readConfig, startServer, type RunningServer } from '@tessera/api';

/** The first admin's token on the servers these tests start (TESSERA_BOOTSTRAP_TOKEN). */
export const ADMIN_TOKEN = 'tests-package-admin-token-0123456789';

export interface ApiServer extends RunningServer {
  token: string;
  /** What the server logged: shown when a test fails, never printed otherwise. */
  logged: string[];
}

/**
 * The API as an integrator meets it: a real server on a free loopback port, started through
 * the package's public `startServer`, on in-memory PGlite (or `env.TESSERA_DATA`), with a known
 * admin token. An `env` entry set to undefined leaves that variable out.
 */
export async function startApiServer(
  env: Record<string, string | undefined> = {},
): Promise<ApiServer> {
  const logged: string[] = [];
  const config = readConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    TESSERA_DATA: 'memory://',
    TESSERA_BOOTSTRAP_TOKEN: ADMIN_TOKEN,
    TESSERA_WORKERS: '1',
    ...env,
  });
  const server = await startServer(config, {
    log: {
      info: (message) => logged.push(message),
      error: (message, error) =>
        logged.push(`${message}: ${error instanceof Error ? error.message : String(error)}`),
    },
  });
  return { ...server, token: ADMIN_TOKEN, logged };
}
