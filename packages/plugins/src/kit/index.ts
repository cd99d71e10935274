// @tessera/plugins/kit: the conformance suite and property tests a strategy runs in its own
// vitest. Needs vitest and fast-check (peer dependencies); works with only @tessera/core and
// @tessera/plugins besides.
export {
  runPluginConformance,
  CONFORMANCE_CASES,
  type ConformanceCase,
  type ConformanceOptions,
} from './conformance.js';
export { pluginProperties, type PropertyOptions } from './properties.js';
export {
  conformanceDatasets,
  LARGE_ACCOUNTS,
  type ConformanceDataset,
  type ConformanceDatasets,
} from './datasets.js';
export {
  datasetArbitrary,
  datasetFromRows,
  type DatasetArbitraryOptions,
  type DatasetRows,
} from './arbitrary-dataset.js';
export { ABORT_BUDGET_MS } from './abort-check.js';
export { CONFORMANCE_SEED, movedLocks, repIdsOf } from './run-on.js';
