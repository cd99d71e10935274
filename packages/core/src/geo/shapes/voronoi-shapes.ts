import { Delaunay } from 'd3-delaunay';
import type { Position } from 'geojson';
import { dissolveCells, type PolygonRings } from './dissolve-cells.js';

/** Positions closer than this (degrees, about a metre) count as one place. */
const SAME_PLACE = 1e-5;

/**
 * Territory shapes without building blocks: the Voronoi cell of every distinct account position
 * (in longitude/latitude), each cell given to the territory holding most accounts there, then
 * dissolved per territory. The cells tile the accounts' extent (padded by 2%), so the shapes of
 * two territories never overlap and every account lies in its territory's shape unless it
 * shares its exact place with accounts of another territory.
 */
export function voronoiShapes(
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  territoryOf: ArrayLike<number>,
  territoryCount: number,
): PolygonRings[][] {
  const places = distinctPlaces(lon, lat, territoryOf, territoryCount);
  if (places.count === 0) return Array.from({ length: territoryCount }, () => []);
  const { points, label, count } = places;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let p = 0; p < count; p++) {
    minX = Math.min(minX, points[2 * p]!);
    maxX = Math.max(maxX, points[2 * p]!);
    minY = Math.min(minY, points[2 * p + 1]!);
    maxY = Math.max(maxY, points[2 * p + 1]!);
  }
  const pad = Math.max(0.02 * Math.max(maxX - minX, maxY - minY), 0.01);
  const bounds: [number, number, number, number] = [minX - pad, minY - pad, maxX + pad, maxY + pad];
  const cells: (Position[] | null)[] = [];
  if (count === 1) {
    // d3-delaunay draws no cell for a lone point: it owns the whole extent.
    const [x0, y0, x1, y1] = bounds;
    cells.push([
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ]);
  } else {
    const voronoi = new Delaunay(points).voronoi(bounds);
    // Typed as always a polygon, but null at run time for a point whose cell is empty.
    for (let p = 0; p < count; p++) cells.push(voronoi.cellPolygon(p) as Position[] | null);
  }
  return dissolveCells(cells, label, territoryCount);
}

/** Located accounts grouped by place, each place labelled with its majority territory. */
function distinctPlaces(
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  territoryOf: ArrayLike<number>,
  territoryCount: number,
): { points: Float64Array; label: Int32Array; count: number } {
  const placeOf = new Map<number, number>();
  const xs: number[] = [];
  const ys: number[] = [];
  const firstLabel: number[] = [];
  // Places with accounts of several territories: per place, the count per territory.
  let mixed: Map<number, Map<number, number>> | null = null;
  for (let i = 0; i < lon.length; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    const t = territoryOf[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y) || t < 0 || t >= territoryCount) continue;
    const key = Math.round((x + 180) / SAME_PLACE) * 2e7 + Math.round((y + 90) / SAME_PLACE);
    let p = placeOf.get(key);
    if (p === undefined) {
      p = xs.length;
      placeOf.set(key, p);
      xs.push(x);
      ys.push(y);
      firstLabel.push(t);
      continue;
    }
    mixed ??= new Map();
    let counts = mixed.get(p);
    if (!counts) mixed.set(p, (counts = new Map([[firstLabel[p]!, 0]])));
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const label = Int32Array.from(firstLabel);
  for (const [p, counts] of mixed ?? []) {
    counts.set(firstLabel[p]!, counts.get(firstLabel[p]!)! + 1);
    let best = -1;
    let most = 0;
    for (const [t, n] of counts) if (n > most || (n === most && t < best)) [best, most] = [t, n];
    label[p] = best;
  }
  const points = new Float64Array(2 * xs.length);
  for (let p = 0; p < xs.length; p++) {
    points[2 * p] = xs[p]!;
    points[2 * p + 1] = ys[p]!;
  }
  return { points, label, count: xs.length };
}
