#!/usr/bin/env node
// `pnpm start`: the API (and the web app, once built) on PORT, data in TESSERA_DATA or
// DATABASE_URL. SIGTERM or SIGINT drains requests and jobs, then exits.
import { readConfig } from './config.js';
import { startServer } from './start-server.js';

try {
  const config = readConfig(process.env);
  const server = await startServer(config);
  const storage = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  process.stderr.write(`tessera: listening on ${server.url} (${storage})\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`tessera: ${signal}: draining requests and jobs\n`);
    server.close().then(
      () => {
        process.stderr.write('tessera: stopped\n');
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`tessera: stopping failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
} catch (error) {
  process.stderr.write(
    `tessera: cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
