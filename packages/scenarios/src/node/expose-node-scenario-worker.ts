import { parentPort } from 'node:worker_threads';
import { nodeEndpoint } from './node-endpoint.js';
import { TesseraError } from '@tessera/core';
import { exposeScenarioWorker } from '../worker/expose-scenario-worker.js';
import type { ScenarioWorkerOptions } from '../worker/scenario-worker-api.js';

/**
 * The body of a Node scenario worker module. A team that adds strategies writes its own:
 * `exposeNodeScenarioWorker({ plugins: [myPlugin] })`, and passes that module's URL to
 * `createNodeScenarioPool({ workerUrl })`.
 */
export function exposeNodeScenarioWorker(options: ScenarioWorkerOptions = {}): void {
  if (!parentPort) {
    throw new TesseraError(
      'NOT_A_WORKER',
      'exposeNodeScenarioWorker: call it in a module started as a worker_threads Worker',
    );
  }
  exposeScenarioWorker({
    plugins: options.plugins,
    endpoint: nodeEndpoint(parentPort),
  });
}
