import type { FlatPolygons } from './flat-polygons.js';

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

/**
 * The squared distance from (x, y) to the boundary of part `part`, in degrees of latitude, with
 * longitudes shrunk by `lonScale` (cos of the latitude): a local equirectangular view, close to
 * true distance at the scale of "the nearest county" and cheap enough for every stray account.
 */
export function partDistanceSquared(
  flat: FlatPolygons,
  part: number,
  x: number,
  y: number,
  lonScale: number,
): number {
  const { coords, ringStart } = flat;
  let best = Infinity;
  const lastRing = flat.partRingStart[part + 1]!;
  for (let r = flat.partRingStart[part]!; r < lastRing; r++) {
    const end = ringStart[r + 1]! * 2;
    for (let i = ringStart[r]! * 2 + 2; i < end; i += 2) {
      const ax = (coords[i - 2]! - x) * lonScale;
      const ay = coords[i - 1]! - y;
      const dx = (coords[i]! - x) * lonScale - ax;
      const dy = coords[i + 1]! - y - ay;
      const length = dx * dx + dy * dy;
      // Project the origin (the point) on the segment, clamped to its ends.
      const t = length > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / length)) : 0;
      const px = ax + t * dx;
      const py = ay + t * dy;
      const d = px * px + py * py;
      if (d < best) best = d;
    }
  }
  return best;
}
