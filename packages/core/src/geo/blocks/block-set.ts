import Flatbush from 'flatbush';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type {
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import { TesseraError } from '../../errors/tessera-error.js';
import { BlockLocator } from './block-locator.js';
import { adjacencyFromLists, type BlockAdjacency } from './block-adjacency.js';
import {
  blockCoordinates,
  flattenPolygons,
  partBox,
  type BlockPolygons,
  type FlatPolygons,
} from './flat-polygons.js';
import { sharedBorderNeighbors } from './shared-border-adjacency.js';

/**
 * The topology a block set was read from, kept so territory shapes can be merged along shared
 * arcs (topojson-client's `merge(topology, geometries of the territory's blocks)`) rather than
 * unioned polygon by polygon. `geometries[b]` is block `b`.
 */
export interface BlockTopology {
  readonly topology: Topology;
  readonly geometries: readonly (TopoPolygon | TopoMultiPolygon)[];
}

export interface BlockSetInput {
  /** One id per block (a FIPS code, a NUTS id…), unique. */
  readonly ids: readonly string[];
  /** One name per block where known. */
  readonly names?: readonly (string | null)[];
  /** One multipolygon per block, as [lon, lat] rings. */
  readonly polygons: readonly BlockPolygons[];
  /**
   * Per block, the blocks it shares a border with (made symmetric here); without it, blocks
   * sharing at least two positions of their rings (see `sharedBorderNeighbors`).
   */
  readonly neighbors?: readonly (readonly number[])[];
  readonly topology?: BlockTopology;
}

/** Properties of a block in `toGeoJSON()`. */
export interface BlockFeatureProperties {
  id: string;
  name: string | null;
}

/**
 * A geography cut into building blocks (counties, states, postal areas, NUTS regions): their
 * ids and names, their polygons, a bounding-box index over the polygons and which blocks share
 * a border. Blocks are numbered 0 … length − 1 in input order; everything here speaks in those
 * numbers, and `ids` maps them back.
 */
export class BlockSet {
  readonly length: number;
  readonly ids: readonly string[];
  readonly names: readonly (string | null)[];
  readonly polygons: FlatPolygons;
  readonly adjacency: BlockAdjacency;
  /**
   * Bounding boxes of the polygon parts, for box queries such as a map's viewport
   * (`polygons.partBlock` maps a part to its block; point queries go through `locator()`).
   */
  readonly partIndex: Flatbush | null;
  readonly topology: BlockTopology | null;
  readonly #byId: Map<string, number>;
  #locator: BlockLocator | null = null;

  constructor(input: BlockSetInput) {
    const { ids, polygons, neighbors } = input;
    if (polygons.length !== ids.length || (neighbors && neighbors.length !== ids.length)) {
      throw new TesseraError(
        'BLOCKS_SHAPE',
        `a block set needs one polygon list and one neighbour list per id: ${ids.length} ids, ${polygons.length} polygon lists, ${neighbors?.length ?? 'no'} neighbour lists`,
      );
    }
    this.length = ids.length;
    this.ids = ids;
    this.names = input.names ?? ids.map(() => null);
    this.#byId = new Map();
    ids.forEach((id, b) => {
      const earlier = this.#byId.get(id);
      if (earlier !== undefined) {
        throw new TesseraError(
          'BLOCKS_DUPLICATE_ID',
          `blocks ${earlier} and ${b} share the id "${id}"`,
        );
      }
      this.#byId.set(id, b);
    });
    this.polygons = flattenPolygons(polygons);
    this.adjacency = adjacencyFromLists(
      ids.length,
      neighbors ?? sharedBorderNeighbors(this.polygons, ids.length),
    );
    this.topology = input.topology ?? null;
    const parts = this.polygons.partBlock.length;
    if (parts === 0) {
      this.partIndex = null;
      return;
    }
    const index = new Flatbush(parts);
    for (let part = 0; part < parts; part++) {
      const [minX, minY, maxX, maxY] = partBox(this.polygons, part);
      index.add(minX, minY, maxX, maxY);
    }
    index.finish();
    this.partIndex = index;
  }

  /** Point queries on the polygons (built on first use), or null when there are none. */
  locator(): BlockLocator | null {
    if (!this.partIndex) return null;
    this.#locator ??= new BlockLocator(this.polygons);
    return this.#locator;
  }

  /** The number of block `id`, or -1 when there is none. */
  indexOf(id: string): number {
    return this.#byId.get(id) ?? -1;
  }

  /** The blocks sharing a border with block `b`, ascending (a view: do not write to it). */
  neighborsOf(b: number): Int32Array {
    return this.adjacency.targets.subarray(
      this.adjacency.offsets[b],
      this.adjacency.offsets[b + 1],
    );
  }

  areAdjacent(a: number, b: number): boolean {
    return this.neighborsOf(a).includes(b);
  }

  /** Block `b`'s shape as a GeoJSON MultiPolygon. */
  geometry(b: number): MultiPolygon {
    return { type: 'MultiPolygon', coordinates: blockCoordinates(this.polygons, b) };
  }

  /** Every block as a feature with its id and name, in block order. */
  toGeoJSON(): FeatureCollection<MultiPolygon, BlockFeatureProperties> {
    const features: Feature<MultiPolygon, BlockFeatureProperties>[] = this.ids.map((id, b) => ({
      type: 'Feature',
      id,
      properties: { id, name: this.names[b] ?? null },
      geometry: this.geometry(b),
    }));
    return { type: 'FeatureCollection', features };
  }
}
