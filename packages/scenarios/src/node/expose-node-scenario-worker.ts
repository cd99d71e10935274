import { parentPort, workerData } from 'node:worker_threads';
import { TesseraError } from '@tessera/core';
import { importPluginUrls } from '@tessera/core/node';
import { exposeScenarioWorker } from '../worker/expose-scenario-worker.js';
import type { ScenarioWorkerOptions } from '../worker/scenario-worker-api.js';
import { nodeEndpoint } from './node-endpoint.js';
import { PLUGIN_MODULES_KEY } from './plugin-modules-key.js';

/**
 * The body of a Node scenario worker module. It offers the built-in strategies, those of the
 * plugin modules its pool was given (`createNodeScenarioPool({ pluginModules })`), and any
 * passed here: a team's own worker is `exposeNodeScenarioWorker({ plugins: [myPlugin] })`,
 * started with `createNodeScenarioPool({ workerUrl })`. Calls that arrive while the plugin
 * modules load wait in the port's queue.
 */
export async function exposeNodeScenarioWorker(options: ScenarioWorkerOptions = {}): Promise<void> {
  if (!parentPort) {
    throw new TesseraError(
      'NOT_A_WORKER',
      'exposeNodeScenarioWorker: call it in a module started as a worker_threads Worker',
    );
  }
  const urls = (workerData as Record<string, unknown> | null)?.[PLUGIN_MODULES_KEY];
  const loaded = Array.isArray(urls) ? await importPluginUrls(urls as string[]) : [];
  exposeScenarioWorker({
    ...options,
    plugins: [...loaded, ...(options.plugins ?? [])],
    endpoint: nodeEndpoint(parentPort),
  });
}
