// The default Node scenario worker: the built-in strategies and the pool's plugin modules.
import { exposeNodeScenarioWorker } from './expose-node-scenario-worker.js';

await exposeNodeScenarioWorker();
