import { TesseraError } from '@tessera/core';
import { readConfig } from '../config.js';
import { startWorker } from '../jobs/start-worker.js';
import type { Log } from '../services/services.js';

export interface WorkerCommandOptions {
  env: NodeJS.ProcessEnv;
  /** Where the project config (`tessera.config.*`, its plugins) is looked for. */
  cwd: string;
  /** Plugin modules besides the project config's (paths or packages, as `--plugin`). */
  plugins?: readonly string[] | undefined;
  /** Where the worker writes its lines: startup, one per job start and end, shutdown. */
  stderr: { write(chunk: string): unknown };
  /** Stops the worker; default: the process's SIGTERM or SIGINT. */
  signal?: AbortSignal | undefined;
}

/**
 * `tessera worker`: takes jobs from the PostgreSQL queue until SIGTERM or SIGINT, then stops
 * taking them, puts the running ones back in the queue and returns. A bad environment or a
 * database without PostgreSQL rejects with a one-line reason (a TesseraError).
 */
export async function runWorker(options: WorkerCommandOptions): Promise<void> {
  const { stderr } = options;
  const log: Log = {
    info: (message) => stderr.write(`${message}\n`),
    error: (message, error) => {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      stderr.write(`${message}${error === undefined ? '' : `: ${detail}`}\n`);
    },
  };
  const stop = options.signal ?? processStopSignal();
  let config;
  try {
    config = readConfig(options.env, options.cwd);
  } catch (error) {
    throw new TesseraError('BAD_ENVIRONMENT', (error as Error).message, { cause: error });
  }
  const worker = await startWorker(config, { log, cwd: options.cwd, plugins: options.plugins });
  stderr.write(
    `tessera: worker ${process.pid} taking jobs on ${worker.threads} thread${worker.threads === 1 ? '' : 's'} (PostgreSQL)\n`,
  );
  await new Promise<void>((resolve) => {
    if (stop.aborted) resolve();
    stop.addEventListener(
      'abort',
      () => {
        resolve();
      },
      { once: true },
    );
  });
  stderr.write(`tessera: ${String(stop.reason)}: stopping; running jobs go back to the queue\n`);
  await worker.close();
  stderr.write('tessera: worker stopped\n');
}

/** Aborted (with the signal's name) on the first SIGTERM or SIGINT. */
function processStopSignal(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    controller.abort(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return controller.signal;
}
