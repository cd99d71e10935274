import { closestName } from '../../errors/closest-name.js';
import { TesseraError } from '../../errors/tessera-error.js';
import { checkBlockGeometry } from './block-geometry-check.js';
import { BlockSet } from './block-set.js';
import type { BlockPolygons } from './flat-polygons.js';

export interface GeoJsonBlocksOptions {
  /** The property holding each block's id (`NUTS_ID`); without it, each feature's own `id`. */
  readonly idProperty?: string;
  /** The property holding each block's name, if any (`NAME_LATN`). */
  readonly nameProperty?: string;
  /** What to call the input in messages, such as its file name (default `boundaries`). */
  readonly source?: string;
}

/**
 * Blocks from a GeoJSON FeatureCollection of Polygons and MultiPolygons (NUTS regions, postal
 * areas…), numbered in feature order. Every feature needs a unique id and valid geometry;
 * the first that has not fails the whole import with a TesseraError naming the feature (index
 * and id) and what is wrong. Adjacency comes from positions the blocks' borders share.
 */
export function blocksFromGeoJson(
  collection: unknown,
  options: GeoJsonBlocksOptions = {},
): BlockSet {
  const source = options.source ?? 'boundaries';
  const record = collection as { type?: unknown; features?: unknown } | null;
  if (record?.type !== 'FeatureCollection' || !Array.isArray(record.features)) {
    throw new TesseraError('BLOCKS_GEOJSON', `${source} is not a GeoJSON FeatureCollection`);
  }
  const features = record.features as unknown[];
  const ids: string[] = [];
  const names: (string | null)[] = [];
  const polygons: BlockPolygons[] = [];
  const firstWithId = new Map<string, number>();
  features.forEach((feature, index) => {
    const id = featureId(feature, index, source, options.idProperty);
    const where = `${source} feature ${index} (id "${id}")`;
    const earlier = firstWithId.get(id);
    if (earlier !== undefined) {
      throw new TesseraError(
        'BLOCKS_DUPLICATE_ID',
        `${where}: the id is also feature ${earlier}'s`,
      );
    }
    firstWithId.set(id, index);
    const checked = checkBlockGeometry((feature as { geometry?: unknown }).geometry);
    if ('problem' in checked) {
      throw new TesseraError('BLOCKS_GEOMETRY', `${where}: geometry ${checked.problem}`);
    }
    ids.push(id);
    polygons.push(checked.polygons);
    const name = options.nameProperty ? propertiesOf(feature)?.[options.nameProperty] : undefined;
    names.push(typeof name === 'string' || typeof name === 'number' ? String(name) : null);
  });
  return new BlockSet({ ids, names, polygons });
}

function featureId(
  feature: unknown,
  index: number,
  source: string,
  idProperty: string | undefined,
): string {
  if (typeof feature !== 'object' || feature === null) {
    throw new TesseraError('BLOCKS_GEOJSON', `${source} feature ${index} is not an object`);
  }
  const properties = propertiesOf(feature);
  const value = idProperty ? properties?.[idProperty] : (feature as { id?: unknown }).id;
  if (
    (typeof value === 'string' && value.trim() !== '') ||
    (typeof value === 'number' && Number.isFinite(value))
  ) {
    return String(value);
  }
  const what = idProperty ? `"${idProperty}" property` : 'id (name the property holding it)';
  const suggestion =
    idProperty && properties ? closestName(idProperty, Object.keys(properties)) : null;
  throw new TesseraError(
    'BLOCKS_MISSING_ID',
    `${source} feature ${index} has no ${what}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
  );
}

function propertiesOf(feature: unknown): Record<string, unknown> | null {
  const properties = (feature as { properties?: unknown }).properties;
  return typeof properties === 'object' && properties !== null
    ? (properties as Record<string, unknown>)
    : null;
}
