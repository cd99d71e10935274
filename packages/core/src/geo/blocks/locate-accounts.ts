import type { BlockSet } from './block-set.js';
import { partContains, partDistanceSquared } from './part-geometry.js';

/** Where each account fell among the blocks. */
export interface BlockLocation {
  /** Per account, its block's number, or -1 when it has no usable location. */
  readonly block: Int32Array;
  /** Accounts inside a block's polygon. */
  readonly inside: number;
  /**
   * Accounts outside every polygon (offshore, slightly off a coastline, wrong coordinates) that
   * went to the nearest block: worth a warning, since many of them suggest the wrong geography.
   */
  readonly nearest: number;
  /** Accounts without finite coordinates, left at -1. */
  readonly unlocated: number;
}

/**
 * The block each account lies in, by point-in-polygon through the blocks' bounding-box index
 * (holes respected). An account on a border shared by two blocks goes to the lower-numbered one;
 * one outside every polygon goes to the nearest block (ties to the lower number).
 */
export function locateAccounts(
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  blocks: BlockSet,
): BlockLocation {
  const count = lon.length;
  const block = new Int32Array(count).fill(-1);
  let inside = 0;
  let nearest = 0;
  let unlocated = 0;
  const index = blocks.partIndex;
  const flat = blocks.polygons;
  for (let i = 0; i < count; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !index) {
      unlocated++;
      continue;
    }
    let found = -1;
    for (const part of index.search(x, y, x, y)) {
      const b = flat.partBlock[part]!;
      if ((found < 0 || b < found) && partContains(flat, part, x, y)) found = b;
    }
    if (found >= 0) {
      inside++;
    } else {
      found = nearestBlock(blocks, x, y);
      nearest++;
    }
    block[i] = found;
  }
  return { block, inside, nearest, unlocated };
}

/** The block whose boundary is nearest to (x, y), which lies outside every polygon. */
function nearestBlock(blocks: BlockSet, x: number, y: number): number {
  const index = blocks.partIndex!;
  const flat = blocks.polygons;
  const lonScale = Math.max(Math.cos((Math.min(90, Math.abs(y)) * Math.PI) / 180), 1e-6);
  // The part with the nearest box gives an upper bound on the distance; every part within that
  // distance (a box of it around the point, widened in longitude) is then a candidate.
  const [first] = index.neighbors(x, y, 1);
  const bound = Math.sqrt(partDistanceSquared(flat, first!, x, y, lonScale)) * (1 + 1e-9) + 1e-12;
  let best = -1;
  let bestDistance = Infinity;
  for (const part of index.search(
    x - bound / lonScale,
    y - bound,
    x + bound / lonScale,
    y + bound,
  )) {
    const distance = partDistanceSquared(flat, part, x, y, lonScale);
    const b = flat.partBlock[part]!;
    if (distance < bestDistance || (distance === bestDistance && b < best)) {
      best = b;
      bestDistance = distance;
    }
  }
  return best;
}
