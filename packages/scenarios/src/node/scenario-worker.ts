// The default Node scenario worker: the built-in strategies only.
import { exposeNodeScenarioWorker } from './expose-node-scenario-worker.js';

exposeNodeScenarioWorker();
