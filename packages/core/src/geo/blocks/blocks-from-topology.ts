import { feature, neighbors } from 'topojson-client';
import type {
  GeometryObject,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import { TesseraError } from '../../errors/tessera-error.js';
import { BlockSet } from './block-set.js';
import type { BlockPolygons } from './flat-polygons.js';

export interface TopologyBlocksOptions {
  /** The property holding a block's name (default `name`, as in us-atlas). */
  readonly nameProperty?: string;
}

/**
 * The blocks of one geometry collection of a TopoJSON topology, numbered in its order, ids from
 * each geometry's `id`. Adjacency comes from the topology itself: blocks sharing an arc share a
 * border, so it is exact whatever the coordinates' precision.
 */
export function blocksFromTopology(
  topology: Topology,
  object: string,
  options: TopologyBlocksOptions = {},
): BlockSet {
  const collection = topology.objects[object];
  if (collection?.type !== 'GeometryCollection') {
    throw new TesseraError(
      'BLOCKS_TOPOLOGY',
      `topology has no geometry collection "${object}" (it has ${Object.keys(topology.objects).join(', ') || 'none'})`,
    );
  }
  const nameProperty = options.nameProperty ?? 'name';
  const geometries = collection.geometries as GeometryObject[];
  const shapes: (TopoPolygon | TopoMultiPolygon)[] = [];
  const ids: string[] = [];
  const names: (string | null)[] = [];
  const polygons: BlockPolygons[] = [];
  geometries.forEach((geometry, index) => {
    if (geometry.id === undefined || geometry.id === '') {
      throw new TesseraError(
        'BLOCKS_MISSING_ID',
        `topology "${object}" geometry ${index} has no id`,
      );
    }
    ids.push(String(geometry.id));
    const name = (geometry.properties as Record<string, unknown> | undefined)?.[nameProperty];
    names.push(typeof name === 'string' ? name : null);
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
      throw new TesseraError(
        'BLOCKS_GEOMETRY',
        `topology "${object}" geometry ${index} (id "${String(geometry.id)}") is a ${geometry.type ?? 'null geometry'}, not a Polygon or MultiPolygon`,
      );
    }
    shapes.push(geometry);
    const shape = (
      geometry.type === 'Polygon' ? feature(topology, geometry) : feature(topology, geometry)
    ).geometry;
    polygons.push(shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates);
  });
  return new BlockSet({
    ids,
    names,
    polygons,
    neighbors: neighbors(geometries),
    topology: { topology, geometries: shapes },
  });
}
