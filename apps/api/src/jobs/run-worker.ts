// The API's job thread, started by the scenario pool of work-jobs.ts: the scenarios package's
// Node worker, with the dataset's boundaries file given to runs that come with one.
import { exposeNodeScenarioWorker } from '@tessera/scenarios/node';
import { runWithBoundaries } from './run-worker-api.js';

await exposeNodeScenarioWorker({ prepareRun: runWithBoundaries() });
