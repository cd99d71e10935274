import Flatbush from 'flatbush';
import type { FlatPolygons } from './flat-polygons.js';

/**
 * Indexes over every edge of every block, to find the block whose boundary is nearest to a
 * point outside them all. Distances are in degrees of latitude with longitudes shrunk by the
 * cosine of the point's latitude (a local equirectangular view): close to true distance at the
 * scale of "the nearest county", and cheap enough for many stray accounts.
 */
export class NearestBoundary {
  readonly #flat: FlatPolygons;
  /** Per edge, the index of its first position. */
  readonly #edgeStart: Int32Array;
  /** Per edge, its block. */
  readonly #edgeBlock: Int32Array;
  /** Per band of latitudes, an index of the edges in that band's view (built when first asked). */
  readonly #bands = new Map<number, { index: Flatbush; scale: number }>();

  constructor(flat: FlatPolygons) {
    this.#flat = flat;
    const { ringStart, partRingStart, partBlock } = flat;
    const starts: number[] = [];
    const blocks: number[] = [];
    for (let part = 0; part < partBlock.length; part++) {
      for (let r = partRingStart[part]!; r < partRingStart[part + 1]!; r++) {
        for (let p = ringStart[r]!; p < ringStart[r + 1]! - 1; p++) {
          starts.push(p);
          blocks.push(partBlock[part]!);
        }
      }
    }
    this.#edgeStart = Int32Array.from(starts);
    this.#edgeBlock = Int32Array.from(blocks);
  }

  /** The block with the nearest edge to (x, y) (ties to the lower number), or -1 without edges. */
  nearestBlock(x: number, y: number): number {
    if (this.#edgeStart.length === 0) return -1;
    const coords = this.#flat.coords;
    const lonScale = cosDegrees(y);
    const { index, scale } = this.#band(y);
    // Flatbush hands out edges nearest first by the distance of their boxes in the band's view
    // (longitudes × `scale`); in the point's own view an edge is at least `bound` × that far, so
    // once that passes the best edge found, no later edge can beat it: accepting one ends the
    // search. Bands keep `bound` near 1, hence few edges looked at.
    const bound = Math.min(1, lonScale / scale);
    let best = Infinity;
    let bestBlock = -1;
    index.neighbors(x * scale, y, 1, Infinity, (edge) => {
      const p = this.#edgeStart[edge]! * 2;
      const x0 = coords[p]!;
      const y0 = coords[p + 1]!;
      const x1 = coords[p + 2]!;
      const y1 = coords[p + 3]!;
      const dx = Math.max(Math.min(x0, x1) - x, 0, x - Math.max(x0, x1)) * scale;
      const dy = Math.max(Math.min(y0, y1) - y, 0, y - Math.max(y0, y1));
      if ((dx * dx + dy * dy) * bound * bound > best) return true;
      const distance = segmentDistanceSquared(x0, y0, x1, y1, x, y, lonScale);
      const block = this.#edgeBlock[edge]!;
      if (distance < best || (distance === best && block < bestBlock)) {
        best = distance;
        bestBlock = block;
      }
      return false;
    });
    return bestBlock;
  }

  /** The edge index for the 4°-band of latitudes holding `y`, longitudes × its middle's cosine. */
  #band(y: number): { index: Flatbush; scale: number } {
    const band = Math.floor(Math.max(-90, Math.min(90, y)) / BAND_DEGREES);
    let entry = this.#bands.get(band);
    if (entry) return entry;
    const scale = cosDegrees((band + 0.5) * BAND_DEGREES);
    const coords = this.#flat.coords;
    const index = new Flatbush(this.#edgeStart.length);
    for (const p of this.#edgeStart) {
      const x0 = coords[2 * p]! * scale;
      const y0 = coords[2 * p + 1]!;
      const x1 = coords[2 * p + 2]! * scale;
      const y1 = coords[2 * p + 3]!;
      index.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
    }
    index.finish();
    entry = { index, scale };
    this.#bands.set(band, entry);
    return entry;
  }
}

const BAND_DEGREES = 4;

function cosDegrees(latitude: number): number {
  return Math.max(Math.cos((Math.min(90, Math.abs(latitude)) * Math.PI) / 180), 1e-6);
}

/** Squared distance from (x, y) to the segment, longitudes scaled by `lonScale`. */
export function segmentDistanceSquared(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  x: number,
  y: number,
  lonScale: number,
): number {
  const ax = (x0 - x) * lonScale;
  const ay = y0 - y;
  const dx = (x1 - x0) * lonScale;
  const dy = y1 - y0;
  const length = dx * dx + dy * dy;
  // Project the point (the origin here) on the segment, clamped to its ends.
  const t = length > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / length)) : 0;
  const px = ax + t * dx;
  const py = ay + t * dy;
  return px * px + py * py;
}
