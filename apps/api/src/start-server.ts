import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createBuiltinRegistry } from '@tessera/plugins';
import { loadProjectPlugins } from '@tessera/core/node';
import { createApp } from './app.js';
import { bootstrap } from './auth/bootstrap.js';
import type { Config } from './config.js';
import { openDatabase } from './db/database.js';
import { BoundariesStore } from './boundaries/boundaries-store.js';
import { DatasetStore } from './datasets/dataset-store.js';
import { removeStaleSpools } from './http/routes/receive-multipart.js';
import { startJobs } from './jobs/start-jobs.js';
import { ReadCache } from './services/read-cache.js';
import { consoleLog, type Log, type Services } from './services/services.js';
import type { RunView } from './runs/run-view.js';
import type { ScenarioRecord } from './scenarios/scenario-service.js';

export interface RunningServer {
  url: string;
  services: Services;
  /** Stops taking requests, lets running ones finish, puts running jobs back in the queue. */
  close(): Promise<void>;
}

/**
 * Opens the database (migrating it), makes the first workspace and admin token on an empty one,
 * loads the project's plugins, starts the job workers and listens. What `pnpm start` runs.
 */
export async function startServer(
  config: Config,
  options: {
    log?: Log;
    cwd?: string;
    /** Plugin modules to load besides the project config's (paths or packages, as `--plugin`). */
    plugins?: readonly string[];
    /** Embedded database only: a data-directory dump to start from (see openDatabase). */
    initialData?: Blob;
  } = {},
): Promise<RunningServer> {
  const log = options.log ?? consoleLog;
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    initialData: options.initialData,
  });
  try {
    await database.migrate();
    const spools = await removeStaleSpools();
    if (spools > 0) log.info(`tessera: removed ${spools} upload spool(s) left by a stopped server`);
    const { printedToken } = await bootstrap(database.db, config.bootstrapToken);
    if (printedToken) {
      log.info(`tessera: first start: admin API token (shown once, keep it): ${printedToken}`);
    }
    const registry = createBuiltinRegistry();
    const plugins = await loadProjectPlugins(registry, {
      cwd: options.cwd ?? process.cwd(),
      modules: options.plugins,
    });
    const datasets = new DatasetStore(database.db);
    const stopping = new AbortController();
    const base = {
      config,
      db: database.db,
      registry,
      pluginModules: plugins.urls,
      datasets,
      boundaries: new BoundariesStore(database.db),
      log,
      stopping: stopping.signal,
      ...(database.kind === 'pglite' ? { reads: new ReadCache<RunView, ScenarioRecord>() } : {}),
    };
    const jobs = await startJobs({ database, services: base, workers: config.workers });
    const services: Services = { ...base, jobs };
    const app = createApp(services);
    const server = await listen(app.fetch, config);
    closeSocketsWhenIdle(server, stopping.signal);
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${port}`;
    return {
      url,
      services,
      close: async () => {
        stopping.abort();
        await new Promise<void>((resolve) =>
          server.close(() => {
            resolve();
          }),
        );
        await jobs.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

function listen(
  fetch: (req: Request) => Response | Promise<Response>,
  config: Config,
): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host }, () => {
      resolve(server);
    });
    server.once('error', reject);
  });
}

/**
 * Once the server stops, every socket is closed as soon as its last response ends. Streams
 * that end on `stopping` (run progress) otherwise leave keep-alive sockets open, where a client
 * reconnects and holds `close()` up: it shuts only the sockets idle when it is called.
 */
function closeSocketsWhenIdle(server: ServerType, stopping: AbortSignal): void {
  if (!('closeIdleConnections' in server)) return;
  server.on('request', (_req, res) => {
    res.once('close', () => {
      if (!stopping.aborted) return;
      setImmediate(() => {
        server.closeIdleConnections();
      });
    });
  });
}
