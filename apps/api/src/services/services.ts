import type { PluginRegistry } from '@tessera/core';
import type { BoundariesStore } from '../boundaries/boundaries-store.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { DatasetStore } from '../datasets/dataset-store.js';
import type { RunView } from '../runs/run-view.js';
import type { ScenarioRecord } from '../scenarios/scenario-service.js';
import type { ReadCache } from './read-cache.js';

/** Where the server writes what operators read: one line per event, never a secret. */
export interface Log {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Runs and sweeps as jobs: queued in the database, taken by this or another process. */
export interface Jobs {
  /** Queues a stored run; a worker picks it up. */
  enqueueRun(runId: string): Promise<void>;
  /** Cancels a queued or running run; false when it had already finished. */
  cancelRun(runId: string): Promise<boolean>;
  /**
   * Queues points `0 … count-1` of a stored sweep, in the caller's transaction: the points and
   * their jobs are committed together or not at all.
   */
  enqueueSweepPoints(tx: Transaction, sweepId: string, count: number): Promise<void>;
}

/** What a service writes through inside `db.transaction(…)`: the transaction, or the database. */
export type Transaction = Pick<Database, 'execute'>;

/** What the services share, made once per process and handed to every request's context. */
export interface Services {
  config: Config;
  db: Database;
  /** Built-in strategies and those of the project config. */
  registry: PluginRegistry;
  /** The plugin modules' URLs, for worker threads. */
  pluginModules: string[];
  jobs: Jobs;
  /** Datasets' tables, decoded once and shared by runs and reads in this process. */
  datasets: DatasetStore;
  /** Datasets' boundaries files, and their blocks built in this process. */
  boundaries: BoundariesStore;
  log: Log;
  /** Finished runs and scenarios as last read, on the embedded database only (see ReadCache). */
  reads?: ReadCache<RunView, ScenarioRecord>;
  /**
   * Aborted when the server starts to stop: streams that would stay open as long as a client
   * watches (run progress) end on it, so the server can drain. Absent in worker processes.
   */
  stopping?: AbortSignal;
}

export const consoleLog: Log = {
  info: (message) => process.stderr.write(`${message}\n`),
  error: (message, error) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error);
    process.stderr.write(`${message}${error === undefined ? '' : `: ${detail}`}\n`);
  },
};
