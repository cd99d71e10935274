import type { Position } from 'geojson';

/** The coordinates of one block: a multipolygon (polygons of rings of [lon, lat] positions). */
export type BlockPolygons = readonly (readonly (readonly Position[])[])[];

/**
 * Every block's polygons in a few typed arrays, so point-in-polygon and distance loops read
 * contiguous numbers instead of chasing nested arrays. A *part* is one polygon of a block's
 * multipolygon (outer ring, then holes); parts are indexed on their own so an island far from
 * the mainland does not stretch the mainland's box.
 */
export interface FlatPolygons {
  /** Interleaved lon, lat of every ring's positions, each ring closed (last = first). */
  readonly coords: Float64Array;
  /** Position offset of each ring in `coords` (÷ 2), plus one past the end. */
  readonly ringStart: Int32Array;
  /** Ring offset of each part, plus one past the end. */
  readonly partRingStart: Int32Array;
  /** The block of each part. */
  readonly partBlock: Int32Array;
  /** Part offset of each block, plus one past the end. */
  readonly blockPartStart: Int32Array;
}

export function flattenPolygons(blocks: readonly BlockPolygons[]): FlatPolygons {
  let positions = 0;
  let rings = 0;
  let parts = 0;
  for (const polygons of blocks) {
    parts += polygons.length;
    for (const polygon of polygons) {
      rings += polygon.length;
      for (const ring of polygon) positions += ring.length;
    }
  }
  const coords = new Float64Array(positions * 2);
  const ringStart = new Int32Array(rings + 1);
  const partRingStart = new Int32Array(parts + 1);
  const partBlock = new Int32Array(parts);
  const blockPartStart = new Int32Array(blocks.length + 1);
  let p = 0;
  let r = 0;
  let q = 0;
  for (let b = 0; b < blocks.length; b++) {
    blockPartStart[b] = q;
    for (const polygon of blocks[b]!) {
      partRingStart[q] = r;
      partBlock[q++] = b;
      for (const ring of polygon) {
        ringStart[r++] = p;
        for (const position of ring) {
          coords[2 * p] = position[0]!;
          coords[2 * p + 1] = position[1]!;
          p++;
        }
      }
    }
  }
  blockPartStart[blocks.length] = q;
  partRingStart[parts] = r;
  ringStart[rings] = p;
  return { coords, ringStart, partRingStart, partBlock, blockPartStart };
}

/** The coordinates of block `b` as GeoJSON MultiPolygon coordinates (fresh arrays). */
export function blockCoordinates(flat: FlatPolygons, b: number): Position[][][] {
  const polygons: Position[][][] = [];
  for (let part = flat.blockPartStart[b]!; part < flat.blockPartStart[b + 1]!; part++) {
    const rings: Position[][] = [];
    for (let r = flat.partRingStart[part]!; r < flat.partRingStart[part + 1]!; r++) {
      const ring: Position[] = [];
      for (let p = flat.ringStart[r]!; p < flat.ringStart[r + 1]!; p++) {
        ring.push([flat.coords[2 * p]!, flat.coords[2 * p + 1]!]);
      }
      rings.push(ring);
    }
    polygons.push(rings);
  }
  return polygons;
}

/** The bounding box [minLon, minLat, maxLon, maxLat] of part `part`'s outer ring. */
export function partBox(flat: FlatPolygons, part: number): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const ring = flat.partRingStart[part]!;
  // Holes lie inside the outer ring, so it alone bounds the part.
  for (let p = flat.ringStart[ring]!; p < flat.ringStart[ring + 1]!; p++) {
    const x = flat.coords[2 * p]!;
    const y = flat.coords[2 * p + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}
