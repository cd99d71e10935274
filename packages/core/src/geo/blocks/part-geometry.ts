import type { FlatPolygons } from './flat-polygons.js';
import { segmentDistanceSquared } from './nearest-boundary.js';

// The plain, whole-part forms of the locator's queries: the reference its tests compare with.

/**
 * Whether (x, y) lies inside part `part`: a ray to +x crosses its rings an odd number of times.
 * Counting every ring (outer and holes) alike is what makes holes holes.
 */
export function partContains(flat: FlatPolygons, part: number, x: number, y: number): boolean {
  const { coords, ringStart } = flat;
  let inside = false;
  const lastRing = flat.partRingStart[part + 1]!;
  for (let r = flat.partRingStart[part]!; r < lastRing; r++) {
    const end = ringStart[r + 1]! * 2;
    let x0 = coords[end - 2]!;
    let y0 = coords[end - 1]!;
    for (let i = ringStart[r]! * 2; i < end; i += 2) {
      const x1 = coords[i]!;
      const y1 = coords[i + 1]!;
      if (y1 > y !== y0 > y && x < ((x0 - x1) * (y - y1)) / (y0 - y1) + x1) inside = !inside;
      x0 = x1;
      y0 = y1;
    }
  }
  return inside;
}

/** The squared distance from (x, y) to part `part`'s boundary (see `segmentDistanceSquared`). */
export function partDistanceSquared(
  flat: FlatPolygons,
  part: number,
  x: number,
  y: number,
  lonScale: number,
): number {
  const { coords, ringStart } = flat;
  let best = Infinity;
  for (let r = flat.partRingStart[part]!; r < flat.partRingStart[part + 1]!; r++) {
    for (let i = ringStart[r]! * 2 + 2; i < ringStart[r + 1]! * 2; i += 2) {
      const d = segmentDistanceSquared(
        coords[i - 2]!,
        coords[i - 1]!,
        coords[i]!,
        coords[i + 1]!,
        x,
        y,
        lonScale,
      );
      if (d < best) best = d;
    }
  }
  return best;
}
