// `@tessera/scenarios/worker`: the browser-safe worker runtime. A worker file is
// `import { exposeScenarioWorker } from '@tessera/scenarios/worker'; exposeScenarioWorker();`
// and the page drives it with `createBrowserScenarioPool` (also exported from the package root).

export {
  exposeScenarioWorker,
  type ExposeScenarioWorkerOptions,
} from './expose-scenario-worker.js';
export {
  createScenarioWorkerApi,
  type ProgressSink,
  type ScenarioWorkerApi,
  type ScenarioWorkerOptions,
  type PreparedRun,
} from './scenario-worker-api.js';
export {
  WorkerPool,
  type ExecOptions,
  type PoolTask,
  type PoolWorker,
  type TaskContext,
  type WorkerInfo,
  type WorkerPoolOptions,
  type WorkerPoolStats,
} from './worker-pool.js';
export {
  ScenarioPool,
  createScenarioPool,
  type DatasetHandle,
  type LoadOptions,
  type PoolRunAllOptions,
  type PoolRunOptions,
  type PoolSweepOptions,
  type ScenarioPoolOptions,
} from './scenario-pool.js';
export {
  browserPoolWorker,
  createBrowserScenarioPool,
  type BrowserScenarioPoolOptions,
  type BrowserWorker,
} from './browser-pool.js';
export { registerErrorTransfer } from './error-transfer.js';
export { copyBuffers } from './copy-buffers.js';
