// The filter language: which accounts a scenario edit, the API or the UI selects (docs/filters.md).
export { parseFilter } from './parse-filter.js';
export { formatFilter } from './format-filter.js';
export { matchAccounts, type FilterOptions } from './match-accounts.js';
export {
  FILTER_FIELDS,
  SIZE_TIER_IDS,
  type FilterFieldInfo,
  type FilterFieldType,
} from './fields.js';
export { FilterSyntaxError } from './filter-error.js';
export { areaGeometrySchema, filterSchema, type AreaGeometry } from './area-schema.js';
export type {
  FilterExpression,
  AndFilter,
  OrFilter,
  NotFilter,
  CompareFilter,
  InFilter,
  IsNullFilter,
  HasFilter,
  WithinFilter,
  AllFilter,
  CompareOp,
  FilterValue,
  FilterFieldName,
  FilterFieldRef,
  AttributeFieldName,
} from './filter-ast.js';
