import { Delaunay } from 'd3-delaunay';
import type { Position } from 'geojson';
import { dissolveCells, type PolygonRings } from './dissolve-cells.js';
import { distinctPlaces } from './distinct-places.js';

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
    // cells takes null too: cellPolygon is typed as always a polygon, but returns null at run
    // time for a point whose cell is empty.
    for (let p = 0; p < count; p++) cells.push(voronoi.cellPolygon(p));
  }
  return dissolveCells(cells, label, territoryCount);
}
