// The public API of @tessera/core: everything here is a named export and part of the contract.

// Errors
export { TesseraError } from './errors/tessera-error.js';

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
export { StringColumn, StringColumnBuilder, type StringColumnData } from './table/string-column.js';
export {
  CategoryColumn,
  CategoryColumnBuilder,
  type CategoryColumnData,
} from './table/category-column.js';
export { TagColumn, TagColumnBuilder, type TagColumnData } from './table/tag-column.js';

// Plans
export {
  Plan,
  UNASSIGNED,
  baselinePlan,
  assertPlanFits,
  type Territory,
  type PlanData,
} from './plan/plan.js';

// Plugin contract
export {
  definePlugin,
  type StrategyPlugin,
  type SegmentContext,
  type SegmentResult,
} from './plugin/contract.js';
export { PluginRegistry, pluginInfo, type PluginInfo } from './plugin/registry.js';
export { runStrategy, type RunStrategyInput } from './plugin/run-strategy.js';
export { findPlanFault } from './plugin/validate-plan.js';

// Randomness and geometry
export { createRandom, type Random } from './random/random.js';
export {
  EARTH_RADIUS_KM,
  greatCircleKm,
  toUnitVector,
  fromVector,
  unitVectorDistanceKm,
} from './geo/great-circle.js';
export { GeoIndex } from './geo/spatial-index.js';

// GeoJSON export
export {
  territoriesToGeoJSON,
  type TerritoryFeatureProperties,
  type TerritoryGeometry,
} from './io/geojson/territories-geojson.js';
export { accountsToGeoJSON, type AccountFeatureProperties } from './io/geojson/accounts-geojson.js';

// CSV and GeoJSON I/O (io/)

// Metrics (metrics/)
