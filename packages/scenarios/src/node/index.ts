// `@tessera/scenarios/node`: scenario pools on worker_threads (Node only).

export {
  createNodeScenarioPool,
  createNodeWorkerPool,
  defaultScenarioWorkerUrl,
  type NodePoolOptions,
  type NodeScenarioPoolOptions,
  type NodeWorkerPoolOptions,
} from './node-scenario-pool.js';
export { spawnNodeWorker, type NodeWorkerOptions } from './node-pool-worker.js';
export { exposeNodeScenarioWorker } from './expose-node-scenario-worker.js';
