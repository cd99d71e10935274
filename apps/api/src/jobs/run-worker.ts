// The API's job thread (see run-worker-api.ts): started by the scenario pool of work-jobs.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { importPluginUrls } from '@tessera/core/node';
import { registerErrorTransfer } from '@tessera/scenarios';
import { expose, type Endpoint } from 'comlink';
import { createRunWorkerApi } from './run-worker-api.js';

// Where `createNodeScenarioPool({ pluginModules })` puts the plugin modules' URLs in each
// worker's data (`PLUGIN_MODULES_KEY` of @tessera/scenarios, which it does not export).
const PLUGIN_MODULES_KEY = 'tesseraPluginModules';

if (!parentPort) throw new Error('run-worker: start it as a worker_threads Worker');
const port = parentPort;
const urls = (workerData as Record<string, unknown> | null)?.[PLUGIN_MODULES_KEY];
const plugins = Array.isArray(urls) ? await importPluginUrls(urls as string[]) : [];
registerErrorTransfer();
expose(createRunWorkerApi(plugins), nodeEndpoint(port));

// comlink types these with the DOM's names, which a Node build does not have.
type Listener =
  ((event: { data: unknown }) => void) | { handleEvent(event: { data: unknown }): void };

/** comlink's Node adapter: a `worker_threads` port as the Web endpoint comlink speaks. */
function nodeEndpoint(nodePort: typeof port): Endpoint {
  const listeners = new WeakMap<Listener, (data: unknown) => void>();
  return {
    postMessage: (message: unknown, transfer?: Parameters<Endpoint['postMessage']>[1]) => {
      nodePort.postMessage(message, transfer as never);
    },
    addEventListener: (_type: string, listener: Listener) => {
      const handler = (data: unknown): void => {
        const event = { data };
        if (typeof listener === 'function') listener(event);
        else listener.handleEvent(event);
      };
      nodePort.on('message', handler);
      listeners.set(listener, handler);
    },
    removeEventListener: (_type: string, listener: Listener) => {
      const handler = listeners.get(listener);
      if (!handler) return;
      nodePort.off('message', handler);
      listeners.delete(listener);
    },
  };
}
