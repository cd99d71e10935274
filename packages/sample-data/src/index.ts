// The public API of @tessera/sample-data: browser-safe; the Node-only place loader is the
// `@tessera/sample-data/node` subpath.

export { generateSample, type SampleData } from './generate.js';
export { MAX_ACCOUNTS, type SampleOptions } from './options.js';
export type { Place } from './place.js';
export {
  NAICS_SECTORS,
  RURAL_BELOW,
  CORE_FROM,
  settlementClass,
  type NaicsSector,
} from './industries.js';
export {
  SEGMENTS,
  MIDMARKET_FROM,
  ENTERPRISE_FROM,
  segmentOf,
  type Segment,
} from './company-size.js';
export { OWNER_MIX, LOCKED_SHARE, departedRepCount } from './owners.js';
export { CAPACITY_HEADROOM, LEVEL_SHARES } from './reps.js';
export { placeRadiusKm } from './jitter.js';
export { buildMetros, METRO_JOIN_KM, type Metro } from './metros.js';
