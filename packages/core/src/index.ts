// The public API of @tessera/core: everything here is a named export and part of the contract.

// Errors
export { TesseraError } from './errors/tessera-error.js';
export {
  describeZodError,
  formatZodIssue,
  type ZodIssueContext,
  type ZodProblem,
} from './errors/format-zod-issue.js';
export { closestName } from './errors/closest-name.js';

// Columnar tables
export {
  AccountTable,
  AccountTableBuilder,
  ACCOUNT_MEASURES,
  ACCOUNT_CATEGORIES,
  type AccountInput,
  type AccountRow,
  type AccountMeasure,
  type AccountCategory,
  type AccountTableData,
} from './table/account-table.js';
export {
  RepTable,
  RepTableBuilder,
  REP_MEASURES,
  type RepInput,
  type RepRow,
  type RepMeasure,
  type RepTableData,
} from './table/rep-table.js';
export { levelRank, LEVEL_LADDER } from './table/rep-level.js';
export { StringColumn, StringColumnBuilder, type StringColumnData } from './table/string-column.js';
export {
  CategoryColumn,
  CategoryColumnBuilder,
  type CategoryColumnData,
} from './table/category-column.js';
export { TagColumn, TagColumnBuilder, type TagColumnData } from './table/tag-column.js';
export { subsetAccounts, subsetReps, type RowIndices } from './table/subset.js';
export { collectBuffers } from './table/table-support.js';
export { concatAccounts } from './table/concat.js';

// Plans
export {
  Plan,
  UNASSIGNED,
  baselinePlan,
  assertPlanFits,
  type Territory,
  type PlanData,
} from './plan/plan.js';
export { planCoverage, MIN_PLAN_COVERAGE, type PlanCoverage } from './plan/plan-coverage.js';

// Plugin contract
export {
  definePlugin,
  type StrategyPlugin,
  type SegmentContext,
  type SegmentResult,
} from './plugin/contract.js';
export { PluginRegistry, pluginInfo, type PluginInfo } from './plugin/registry.js';
export { runStrategy, parseStrategyParams, type RunStrategyInput } from './plugin/run-strategy.js';
export { findPlanFault } from './plugin/validate-plan.js';

// Randomness and geometry
export { createRandom, type Random } from './random/random.js';
export {
  EARTH_RADIUS_KM,
  greatCircleKm,
  toUnitVector,
  fromVector,
  unitVectorDistanceKm,
  chordArcKm,
} from './geo/great-circle.js';
export { GeoIndex } from './geo/spatial-index.js';

// GeoJSON export
export {
  territoriesToGeoJSON,
  type TerritoryFeatureProperties,
  type TerritoryGeometry,
} from './io/geojson/territories-geojson.js';
export { territoryShapes, type TerritoryShapeOptions } from './geo/shapes/territory-shapes.js';
export { LiveMetrics, type LiveMetricsOptions } from './metrics/live-metrics.js';
export type { PolygonRings } from './geo/shapes/dissolve-cells.js';
export { accountsToGeoJSON, type AccountFeatureProperties } from './io/geojson/accounts-geojson.js';

// CSV and GeoJSON I/O (io/)
export type { CsvInput, ImportIssue, ImportResult, ImportOptions } from './io/csv/import-types.js';
export { CsvImportError } from './io/csv/import-error.js';
export { importAccountsCsv, type ImportAccountsOptions } from './io/csv/import-accounts.js';
export { importRepsCsv } from './io/csv/import-reps.js';
export { importPlanCsv } from './io/csv/import-plan.js';
export {
  previewCsvHeader,
  type CsvColumnMatch,
  type CsvFileKind,
  type CsvHeaderPreview,
} from './io/csv/preview-header.js';
export { accountsToCsv, repsToCsv, planToCsv } from './io/csv/export-tables.js';
export { escapeCsvCell } from './io/csv/write-csv.js';

// Binary column frames: tables and datasets as typed-array bodies behind a JSON header (io/)
export {
  encodeColumnFrame,
  decodeColumnFrame,
  columnFrameLength,
  COLUMN_FRAME_PREFIX_BYTES,
  COLUMN_FRAME_VERSION,
  type ColumnFrame,
  type ColumnEntry,
  type ColumnType,
} from './io/columns/column-frame.js';

// Metrics (metrics/)
export { computeMetrics, DEFAULT_METRICS_SEED } from './metrics/compute-metrics.js';
export { comparePlans, metricDelta } from './metrics/compare-plans.js';
export { balanceStats } from './metrics/balance.js';
export { capacityTargets } from './metrics/targets.js';
export {
  weightedKMeans,
  type WeightedKMeansOptions,
  type WeightedKMeansResult,
} from './metrics/weighted-kmeans.js';
export { requiredSkills } from './metrics/required-skills.js';
export { KMEANS_SAMPLE_SIZE } from './metrics/kmeans-reference.js';
export type {
  BalanceStats,
  TerritoryMetrics,
  PlanMetrics,
  MetricsOptions,
  PlanComparison,
  ComparePlansOptions,
  PlanFlow,
} from './metrics/types.js';

// Building blocks: counties, states or any boundaries file as polygons with an index and
// adjacency; accounts located in them (geo/blocks/)
export {
  BlockSet,
  type BlockSetInput,
  type BlockTopology,
  type BlockFeatureProperties,
} from './geo/blocks/block-set.js';
export type { BlockAdjacency } from './geo/blocks/block-adjacency.js';
export type { BlockPolygons, FlatPolygons } from './geo/blocks/flat-polygons.js';
export { usCounties, usStates, stateFipsOfCounty } from './geo/blocks/us-atlas.js';
export {
  blocksFromTopology,
  type TopologyBlocksOptions,
} from './geo/blocks/blocks-from-topology.js';
export { blocksFromGeoJson, type GeoJsonBlocksOptions } from './geo/blocks/blocks-from-geojson.js';
export { locateAccounts, type BlockLocation } from './geo/blocks/locate-accounts.js';
export type { BlockLocator } from './geo/blocks/block-locator.js';
export { groupByBlock, type BlockGroups } from './geo/blocks/group-by-block.js';
export {
  PiecesGraph,
  territoryPieces,
  type TerritoryPieces,
  type PiecesOptions,
} from './metrics/territory-pieces.js';
export { blockTerritories } from './geo/blocks/block-territories.js';
export {
  blocksForUnits,
  planBlocks,
  unitsLabel,
  type LocatedBlocks,
} from './geo/blocks/blocks-for-units.js';
