import { expose, type Endpoint } from 'comlink';
import { registerErrorTransfer } from './error-transfer.js';
import { createScenarioWorkerApi, type ScenarioWorkerOptions } from './scenario-worker-api.js';

export interface ExposeScenarioWorkerOptions extends ScenarioWorkerOptions {
  /** Where to listen; default the worker's global scope (`self`). */
  endpoint?: Endpoint | undefined;
}

/**
 * The body of a scenario worker file. In a browser app:
 * `import { exposeScenarioWorker } from '@tessera/scenarios/worker'; exposeScenarioWorker();`
 * (pass `plugins` to offer strategies beyond the built-in ones).
 */
export function exposeScenarioWorker(options: ExposeScenarioWorkerOptions = {}): void {
  registerErrorTransfer();
  const endpoint = options.endpoint ?? (globalThis as unknown as Endpoint);
  expose(
    createScenarioWorkerApi({ plugins: options.plugins, prepareRun: options.prepareRun }),
    endpoint,
  );
}
