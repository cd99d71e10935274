// The public API of @tessera/scenarios: what-if scenarios, their runs, comparison, sweeps and
// simulation. Worker entry points live under `@tessera/scenarios/worker` (browser-safe) and
// `@tessera/scenarios/node` (worker_threads).

// Datasets
export {
  datasetFromData,
  datasetToData,
  datasetTransferables,
  type Dataset,
  type DatasetData,
} from './dataset/dataset.js';

// The scenario format
export {
  DEFAULT_SCENARIO_STRATEGY,
  SCENARIO_VERSION,
  parseScenario,
  scenarioJsonSchema,
  scenarioSchema,
  type ParseScenarioOptions,
  type Scenario,
  type ScenarioInput,
} from './schema/scenario-schema.js';
export {
  accountSelectionSchema,
  editSchema,
  type AccountSelection,
  type Edit,
  type EditInput,
  type EditType,
} from './schema/edit-schema.js';

// Filters (docs/filters.md)
export {
  parseFilter,
  formatFilter,
  matchAccounts,
  FILTER_FIELDS,
  SIZE_TIER_IDS,
  FilterSyntaxError,
  filterSchema,
  areaGeometrySchema,
  type FilterOptions,
  type FilterFieldInfo,
  type FilterFieldType,
  type AreaGeometry,
  type FilterExpression,
  type AndFilter,
  type OrFilter,
  type NotFilter,
  type CompareFilter,
  type InFilter,
  type IsNullFilter,
  type HasFilter,
  type WithinFilter,
  type AllFilter,
  type CompareOp,
  type FilterValue,
  type FilterFieldName,
  type FilterFieldRef,
  type AttributeFieldName,
} from './filter/index.js';

// Edits
export { applyEdits } from './edits/apply-edits.js';
export type { EditedDataset } from './edits/edited-dataset.js';

// Runs
export {
  runScenario,
  runScenarioOutcome,
  toScenarioRun,
  toOutcome,
  type ScenarioRun,
} from './run/run-scenario.js';
export type {
  RunOptions,
  RunProgress,
  RunStage,
  RunTimings,
  ScenarioOutcome,
  TerritoryRow,
} from './run/types.js';
export { unmatchedSkills, type UnmatchedSkills } from './run/unmatched-skills.js';

// Comparison
export { compareRuns, MAX_COMPARED } from './compare/compare-runs.js';
export { movedAccountList, type MovedAccount } from './compare/moved-account-list.js';
export {
  ABSENT_ROW,
  UNASSIGNED_ROW,
  type FlowMatrix,
  type MovedAccounts,
  type PairComparison,
  type RepWorkloadChange,
  type ScenarioComparison,
  type ScenarioBaseline,
  type ContinuityShares,
  type BaselineKind,
} from './compare/types.js';

// Sweeps
export {
  MAX_SWEEP_RUNS,
  parseSweep,
  sweepSchema,
  type Sweep,
  type SweepInput,
} from './sweep/sweep-schema.js';
export { expandSweep, type SweepPoint } from './sweep/expand-sweep.js';
export { nonDominated } from './sweep/non-dominated.js';
export {
  runSweep,
  sweepRow,
  markNonDominated,
  markSamePlans,
  sweepWarnings,
  SWEEP_OBJECTIVES,
  type RunSweepOptions,
  type SweepResult,
  type SweepRow,
  type SweepRunner,
} from './sweep/run-sweep.js';

// Revenue simulation (docs/simulation.md)
export {
  simulateRevenue,
  parseSimulationOptions,
  compareSimulations,
  responseModelSchema,
  simulationOptionsSchema,
  DEFAULT_RESPONSE_MODEL,
  MAX_DRAWS,
  responseShare,
  responseSaturation,
  type SimulationOptions,
  type ResolvedSimulationOptions,
  type ResponseModel,
  type SimulationResult,
  type SimulationTotal,
  type TerritorySimulation,
  type UnassignedSimulation,
  type SimulationComparison,
  type Spread,
} from './simulate/index.js';

// Worker runtime (browser-safe; Node pools are in `@tessera/scenarios/node`)
export {
  WorkerPool,
  ScenarioPool,
  createScenarioPool,
  createBrowserScenarioPool,
  browserPoolWorker,
  createScenarioWorkerApi,
  exposeScenarioWorker,
  registerErrorTransfer,
  type PoolWorker,
  type PoolTask,
  type TaskContext,
  type WorkerInfo,
  type ExecOptions,
  type WorkerPoolOptions,
  type WorkerPoolStats,
  type DatasetHandle,
  type LoadOptions,
  type PoolRunOptions,
  type PoolSweepOptions,
  type PoolRunAllOptions,
  type ScenarioPoolOptions,
  type BrowserScenarioPoolOptions,
  type BrowserWorker,
  type ScenarioWorkerApi,
  type ScenarioWorkerOptions,
  type PreparedRun,
  type ProgressSink,
  type ExposeScenarioWorkerOptions,
} from './worker/index.js';
