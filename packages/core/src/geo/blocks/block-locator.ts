import type { FlatPolygons } from './flat-polygons.js';
import { NearestBoundary } from './nearest-boundary.js';
import { PartCells } from './part-cells.js';
import { PartGrids } from './part-grids.js';

/**
 * Point queries on a block set's polygons: the block containing a point, through a grid of the
 * parts' boxes and each part's own grid, and the nearest block for a point outside them all.
 * Built on first use (a few tens of milliseconds for the US counties), since a block set used
 * only for its adjacency or shapes never needs it.
 */
export class BlockLocator {
  readonly #flat: FlatPolygons;
  readonly #cells: PartCells;
  readonly #grids: PartGrids;
  #nearest: NearestBoundary | null = null;

  constructor(flat: FlatPolygons) {
    this.#flat = flat;
    this.#cells = new PartCells(flat);
    this.#grids = new PartGrids(flat);
  }

  /**
   * The lowest-numbered block whose polygon contains (x, y), or -1 when none does (a point on a
   * border shared by two blocks goes to either, the same one every time).
   */
  blockAt(x: number, y: number): number {
    let found = -1;
    const partBlock = this.#flat.partBlock;
    this.#cells.forEachCandidate(x, y, (part) => {
      const block = partBlock[part]!;
      if ((found < 0 || block < found) && this.#grids.contains(part, x, y)) found = block;
    });
    return found;
  }

  /** The block whose boundary is nearest to (x, y). */
  nearestBlock(x: number, y: number): number {
    this.#nearest ??= new NearestBoundary(this.#flat);
    return this.#nearest.nearestBlock(x, y);
  }
}
