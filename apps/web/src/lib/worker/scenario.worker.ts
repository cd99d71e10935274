// The planner's scenario worker: the built-in strategies plus the project config's plugins,
// bundled into this file at build time by vite/tessera-plugins.ts.
import { exposeScenarioWorker } from '@tessera/scenarios/worker';
import { plugins } from 'virtual:tessera/plugins';

exposeScenarioWorker({ plugins });
