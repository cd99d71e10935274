import type { Position } from 'geojson';

/** A polygon's rings (the first the outline, the rest holes), as GeoJSON coordinates. */
export type PolygonRings = Position[][];

/**
 * Dissolves a tiling of cells into one multipolygon per label: the union of the cells that
 * carry the label. The cells must tile without overlaps or T-junctions (a vertex of one cell
 * on the edge of another), as Voronoi cells do; shared vertices are matched after snapping to a
 * grid of 2⁻²⁵ of the cells' extent, so the tiny differences left by computing one vertex twice
 * vanish.
 *
 * An edge is on a label's boundary when its twin (the same edge walked the other way) does not
 * belong to a cell of the same label; the boundary edges are chained into rings, outlines
 * counter-clockwise and holes clockwise (RFC 7946), each hole under the outline that holds it.
 * Returns, per label 0 … labelCount − 1, its polygons (empty when no cell carries it).
 */
export function dissolveCells(
  cells: readonly (readonly Position[] | null)[],
  labels: ArrayLike<number>,
  labelCount: number,
): PolygonRings[][] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of cells) {
    for (const p of ring ?? []) {
      minX = Math.min(minX, p[0]!);
      minY = Math.min(minY, p[1]!);
      maxX = Math.max(maxX, p[0]!);
      maxY = Math.max(maxY, p[1]!);
    }
  }
  const snap = Math.max(maxX - minX, maxY - minY, 1e-12) / GRID;
  const vertexId = new Map<number, number>();
  const xs: number[] = [];
  const ys: number[] = [];
  const idOf = (p: Position): number => {
    const key = Math.round((p[0]! - minX) / snap) * ROW + Math.round((p[1]! - minY) / snap);
    let id = vertexId.get(key);
    if (id === undefined) {
      id = xs.length;
      vertexId.set(key, id);
      xs.push(p[0]!);
      ys.push(p[1]!);
    }
    return id;
  };

  // Every cell's vertices, counter-clockwise.
  const cellRings: (number[] | null)[] = cells.map((ring, c) => {
    const label = labels[c]!;
    if (ring === null || ring.length < 4 || label < 0 || label >= labelCount) return null;
    const ids = openRing(ring).map(idOf);
    if (signedArea(ids, xs, ys) < 0) ids.reverse();
    return ids;
  });
  const vertices = xs.length;
  const edgeLabel = new Map<number, number>();
  cellRings.forEach((ids, c) => {
    if (ids === null) return;
    for (let i = 0; i < ids.length; i++) {
      edgeLabel.set(ids[i]! * vertices + ids[(i + 1) % ids.length]!, labels[c]!);
    }
  });

  // Boundary edges per label, as outgoing lists per vertex.
  const outgoing = Array.from({ length: labelCount }, () => new Map<number, number[]>());
  cellRings.forEach((ids, c) => {
    if (ids === null) return;
    const label = labels[c]!;
    const out = outgoing[label]!;
    for (let i = 0; i < ids.length; i++) {
      const from = ids[i]!;
      const to = ids[(i + 1) % ids.length]!;
      if (from === to || edgeLabel.get(to * vertices + from) === label) continue;
      const list = out.get(from);
      if (list) list.push(to);
      else out.set(from, [to]);
    }
  });

  return outgoing.map((out) => polygonsOf(traceRings(out, xs, ys), xs, ys));
}

/** Snapping grid: 2²⁵ steps across the extent, so a vertex key (x · 2²⁶ + y) stays an exact integer. */
const GRID = 2 ** 25;
const ROW = 2 ** 26;

function openRing(ring: readonly Position[]): Position[] {
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  return first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : ring.slice();
}

function signedArea(ids: readonly number[], xs: readonly number[], ys: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < ids.length; i++) {
    const a = ids[i]!;
    const b = ids[(i + 1) % ids.length]!;
    sum += xs[a]! * ys[b]! - xs[b]! * ys[a]!;
  }
  return sum / 2;
}

/**
 * Chains boundary edges into closed rings. Where a label touches itself at a single vertex
 * (two outgoing edges), the walk takes the sharpest left turn, which closes the smaller ring
 * first instead of tracing a figure eight.
 */
function traceRings(
  out: Map<number, number[]>,
  xs: readonly number[],
  ys: readonly number[],
): number[][] {
  const rings: number[][] = [];
  for (const [start, targets] of out) {
    while (targets.length > 0) {
      const ring = [start];
      let previous = start;
      let current = targets.pop()!;
      while (current !== start) {
        ring.push(current);
        const next = out.get(current);
        if (!next || next.length === 0) break; // an open chain: only from a broken tiling
        const pick = next.length === 1 ? 0 : leftmostTurn(previous, current, next, xs, ys);
        previous = current;
        current = next[pick]!;
        next.splice(pick, 1);
      }
      if (current === start && ring.length >= 3) rings.push(ring);
    }
  }
  return rings;
}

function leftmostTurn(
  from: number,
  at: number,
  options: readonly number[],
  xs: readonly number[],
  ys: readonly number[],
): number {
  const inAngle = Math.atan2(ys[at]! - ys[from]!, xs[at]! - xs[from]!);
  let best = 0;
  let bestTurn = -Infinity;
  options.forEach((to, i) => {
    let turn = Math.atan2(ys[to]! - ys[at]!, xs[to]! - xs[at]!) - inAngle;
    while (turn <= -Math.PI) turn += 2 * Math.PI;
    while (turn > Math.PI) turn -= 2 * Math.PI;
    if (turn > bestTurn) {
      bestTurn = turn;
      best = i;
    }
  });
  return best;
}

/** Outlines (counter-clockwise rings) with the holes (clockwise rings) each one contains. */
function polygonsOf(
  rings: readonly number[][],
  xs: readonly number[],
  ys: readonly number[],
): PolygonRings[] {
  const outlines: { ring: number[]; area: number; holes: number[][] }[] = [];
  const holes: number[][] = [];
  for (const ring of rings) {
    const area = signedArea(ring, xs, ys);
    if (area > 0) outlines.push({ ring, area, holes: [] });
    else if (area < 0) holes.push(ring);
  }
  // A hole belongs to the smallest outline around it.
  outlines.sort((a, b) => a.area - b.area);
  for (const hole of holes) {
    const inside = outlines.find(({ ring }) => holeInside(hole, ring, xs, ys));
    inside?.holes.push(hole);
  }
  const toPositions = (ring: readonly number[]): Position[] => {
    const positions = ring.map((v): Position => [xs[v]!, ys[v]!]);
    positions.push(positions[0]!);
    return positions;
  };
  return outlines.map(({ ring, holes: inner }) => [toPositions(ring), ...inner.map(toPositions)]);
}

/** Whether a hole lies in an outline: a point of the hole's edge (not a shared vertex) is inside. */
function holeInside(
  hole: readonly number[],
  outline: readonly number[],
  xs: readonly number[],
  ys: readonly number[],
): boolean {
  const a = hole[0]!;
  const b = hole[1]!;
  const px = (xs[a]! + xs[b]!) / 2;
  const py = (ys[a]! + ys[b]!) / 2;
  let inside = false;
  for (let i = 0, j = outline.length - 1; i < outline.length; j = i++) {
    const xi = xs[outline[i]!]!;
    const yi = ys[outline[i]!]!;
    const xj = xs[outline[j]!]!;
    const yj = ys[outline[j]!]!;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
