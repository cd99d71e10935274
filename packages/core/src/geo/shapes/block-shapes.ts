import type {
  FeatureCollection,
  Polygon as GeoPolygon,
  MultiPolygon as GeoMultiPolygon,
} from 'geojson';
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import type { MultiPolygon, Polygon } from 'topojson-specification';
import type { BlockSet, BlockTopology } from '../blocks/block-set.js';
import type { PolygonRings } from './dissolve-cells.js';

const builtTopologies = new WeakMap<BlockSet, BlockTopology>();

/**
 * Territory shapes from building blocks: per territory, the union of its blocks merged along
 * their shared arcs (topojson's `merge`), so neighbouring territories meet on the blocks' own
 * borders. Blocks read from GeoJSON get a topology built once (shared borders found by their
 * positions) and kept with the block set.
 */
export function blockShapes(
  blocks: BlockSet,
  blockTerritory: ArrayLike<number>,
  territoryCount: number,
): PolygonRings[][] {
  const { topology: topo, geometries } = topologyOf(blocks);
  const members: (Polygon | MultiPolygon)[][] = Array.from({ length: territoryCount }, () => []);
  for (let b = 0; b < blocks.length; b++) {
    const t = blockTerritory[b]!;
    if (t >= 0 && t < territoryCount) members[t]!.push(geometries[b]!);
  }
  return members.map((shapes) => (shapes.length === 0 ? [] : merge(topo, shapes).coordinates));
}

function topologyOf(blocks: BlockSet): BlockTopology {
  if (blocks.topology) return blocks.topology;
  let built = builtTopologies.get(blocks);
  if (!built) {
    const collection: FeatureCollection<GeoPolygon | GeoMultiPolygon> = blocks.toGeoJSON();
    const topo = topology({ blocks: collection });
    const object = topo.objects.blocks;
    const geometries =
      object?.type === 'GeometryCollection'
        ? (object.geometries as (Polygon | MultiPolygon)[])
        : [];
    built = { topology: topo, geometries };
    builtTopologies.set(blocks, built);
  }
  return built;
}
