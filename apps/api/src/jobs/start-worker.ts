import { availableParallelism } from 'node:os';
import { TesseraError } from '@tessera/core';
import { loadProjectPlugins } from '@tessera/core/node';
import { createBuiltinRegistry } from '@tessera/plugins';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { BoundariesStore } from '../boundaries/boundaries-store.js';
import { DatasetStore } from '../datasets/dataset-store.js';
import { consoleLog, type Log } from '../services/services.js';
import { startJobs } from './start-jobs.js';

export interface RunningWorker {
  /** Worker threads this process runs jobs on. */
  threads: number;
  /** Stops taking jobs; running ones go back to the queue for another worker. */
  close(): Promise<void>;
}

/**
 * A process that only takes jobs (runs and sweep points) from the shared PostgreSQL queue, on
 * its own worker-thread pool: no HTTP. It migrates the database like a server would, so
 * workers and servers can start in any order.
 */
export async function startWorker(
  config: Config,
  options: { log?: Log; cwd?: string; plugins?: readonly string[] } = {},
): Promise<RunningWorker> {
  const log = options.log ?? consoleLog;
  if (!config.databaseUrl) {
    throw new TesseraError(
      'WORKER_NEEDS_POSTGRES',
      'a worker process needs DATABASE_URL=postgres://…: the embedded server (PGlite) runs its own jobs, and a separate worker needs a PostgreSQL database it shares with the server',
    );
  }
  const threads = config.workers ?? availableParallelism();
  if (threads < 1) {
    throw new TesseraError(
      'WORKER_WITHOUT_THREADS',
      'TESSERA_WORKERS=0 leaves a worker process nothing to run jobs on; unset it (one thread per core) or give a number',
    );
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    const registry = createBuiltinRegistry();
    const plugins = await loadProjectPlugins(registry, {
      cwd: options.cwd ?? process.cwd(),
      modules: options.plugins,
    });
    const services = {
      config,
      db: database.db,
      registry,
      pluginModules: plugins.urls,
      datasets: new DatasetStore(database.db),
      boundaries: new BoundariesStore(database.db),
      log,
    };
    const jobs = await startJobs({ database, services, workers: threads });
    return {
      threads,
      close: async () => {
        await jobs.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
