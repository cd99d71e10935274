import type { BlockSet } from './block-set.js';

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
  const locator = blocks.locator();
  for (let i = 0; i < count; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !locator) {
      unlocated++;
      continue;
    }
    let found = locator.blockAt(x, y);
    if (found >= 0) {
      inside++;
    } else {
      found = locator.nearestBlock(x, y);
      nearest++;
    }
    block[i] = found;
  }
  return { block, inside, nearest, unlocated };
}
