#!/usr/bin/env node
// `pnpm start`: the API (and the web app, once built) on PORT, data in TESSERA_DATA or
// DATABASE_URL. SIGTERM or SIGINT drains requests and jobs, then exits.
import { readConfig } from './config.js';
import { startServer, type RunningServer } from './start-server.js';

// Outside production, trpc-to-openapi checks the whole router again on every REST request (most
// of a small request's CPU); the router is checked by the tests and /api/openapi.json instead.
process.env.NODE_ENV ??= 'production';

// Listening for signals before anything starts: jobs start before the server listens, and a
// SIGTERM that came before its handler (even just after "listening" is printed) would kill
// the process with its runs instead of putting them back in the queue.
let server: RunningServer | null = null;
// An object, so the check after the start reads what the signal handler wrote meanwhile.
const stopping: { signal: string | null } = { signal: null };
const stop = (signal: string) => {
  if (stopping.signal) {
    // A second signal while still starting: nothing runs yet that a drain would save.
    if (!server) process.exit(1);
    return;
  }
  stopping.signal = signal;
  process.stderr.write(`tessera: ${signal}: draining requests and jobs\n`);
  if (server) close(server);
};
process.on('SIGTERM', () => {
  stop('SIGTERM');
});
process.on('SIGINT', () => {
  stop('SIGINT');
});

function close(running: RunningServer): void {
  running.close().then(
    () => {
      process.stderr.write('tessera: stopped\n');
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`tessera: stopping failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
}

try {
  const config = readConfig(process.env);
  server = await startServer(config);
  const storage = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  process.stderr.write(`tessera: listening on ${server.url} (${storage})\n`);
  if (stopping.signal) close(server);
} catch (error) {
  process.stderr.write(
    `tessera: cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
