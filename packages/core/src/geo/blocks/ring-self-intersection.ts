import Flatbush from 'flatbush';
import type { Position } from 'geojson';

/** Where a ring crosses or touches itself: the two segments, by the index of their first position. */
export interface RingSelfIntersection {
  readonly segmentA: number;
  readonly segmentB: number;
  /** A position where they meet (a shared point, or the crossing). */
  readonly at: [number, number];
}

/**
 * The first place a closed ring crosses, touches or doubles back on itself, or null when it is
 * simple. Segments go into a bounding-box index and each is tested only against the segments its
 * box overlaps, so a detailed coastline costs about n log n, not n². Repeated consecutive
 * positions are ignored (common in real files, harmless).
 */
export function ringSelfIntersection(ring: readonly Position[]): RingSelfIntersection | null {
  // Keep the original index of each kept position, to report positions the user can find.
  const kept: number[] = [];
  for (let i = 0; i < ring.length; i++) {
    const previous = kept.length ? ring[kept[kept.length - 1]!]! : null;
    if (!previous || previous[0] !== ring[i]![0] || previous[1] !== ring[i]![1]) kept.push(i);
  }
  const segments = kept.length - 1;
  if (segments < 3) return null;
  const x = (k: number): number => ring[kept[k]!]![0]!;
  const y = (k: number): number => ring[kept[k]!]![1]!;
  const index = new Flatbush(segments);
  for (let s = 0; s < segments; s++) {
    index.add(
      Math.min(x(s), x(s + 1)),
      Math.min(y(s), y(s + 1)),
      Math.max(x(s), x(s + 1)),
      Math.max(y(s), y(s + 1)),
    );
  }
  index.finish();
  for (let s = 0; s < segments; s++) {
    // A spike: the ring goes out along a line and straight back.
    const next = (s + 1) % segments;
    if (doublesBack(x(s), y(s), x(s + 1), y(s + 1), x(next + 1), y(next + 1))) {
      return { segmentA: kept[s]!, segmentB: kept[next]!, at: [x(s + 1), y(s + 1)] };
    }
    const hits = index.search(
      Math.min(x(s), x(s + 1)),
      Math.min(y(s), y(s + 1)),
      Math.max(x(s), x(s + 1)),
      Math.max(y(s), y(s + 1)),
    );
    for (const t of hits) {
      // Each pair once; neighbours along the ring (including last and first) share a point.
      if (t <= s + 1 || (s === 0 && t === segments - 1)) continue;
      const at = segmentsMeet(x(s), y(s), x(s + 1), y(s + 1), x(t), y(t), x(t + 1), y(t + 1));
      if (at) return { segmentA: kept[s]!, segmentB: kept[t]!, at };
    }
  }
  return null;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
}

/** Whether c, known to be on the line through a and b, lies within the segment's box. */
function within(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return (
    cx >= Math.min(ax, bx) &&
    cx <= Math.max(ax, bx) &&
    cy >= Math.min(ay, by) &&
    cy <= Math.max(ay, by)
  );
}

function doublesBack(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
): boolean {
  return orient(ax, ay, bx, by, cx, cy) === 0 && (ax - bx) * (cx - bx) + (ay - by) * (cy - by) > 0;
}

/** A point the closed segments p1p2 and q1q2 share, or null when they are apart. */
function segmentsMeet(
  p1x: number,
  p1y: number,
  p2x: number,
  p2y: number,
  q1x: number,
  q1y: number,
  q2x: number,
  q2y: number,
): [number, number] | null {
  const o1 = orient(p1x, p1y, p2x, p2y, q1x, q1y);
  const o2 = orient(p1x, p1y, p2x, p2y, q2x, q2y);
  const o3 = orient(q1x, q1y, q2x, q2y, p1x, p1y);
  const o4 = orient(q1x, q1y, q2x, q2y, p2x, p2y);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const t =
      ((q1x - p1x) * (q2y - q1y) - (q1y - p1y) * (q2x - q1x)) /
      ((p2x - p1x) * (q2y - q1y) - (p2y - p1y) * (q2x - q1x));
    return [p1x + t * (p2x - p1x), p1y + t * (p2y - p1y)];
  }
  if (o1 === 0 && within(p1x, p1y, p2x, p2y, q1x, q1y)) return [q1x, q1y];
  if (o2 === 0 && within(p1x, p1y, p2x, p2y, q2x, q2y)) return [q2x, q2y];
  if (o3 === 0 && within(q1x, q1y, q2x, q2y, p1x, p1y)) return [p1x, p1y];
  if (o4 === 0 && within(q1x, q1y, q2x, q2y, p2x, p2y)) return [p2x, p2y];
  return null;
}
