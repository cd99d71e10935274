// A team's own worker module: the built-in strategies plus its own (here, faulty ones).
import { exposeNodeScenarioWorker } from '../expose-node-scenario-worker.js';
import { faultyPlugins } from './faulty-plugins.js';

await exposeNodeScenarioWorker({ plugins: faultyPlugins });
