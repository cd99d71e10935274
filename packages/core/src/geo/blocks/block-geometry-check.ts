import type { Position } from 'geojson';
import type { BlockPolygons } from './flat-polygons.js';
import { ringSelfIntersection } from './ring-self-intersection.js';

/**
 * Why a GeoJSON geometry cannot be a block, or its polygons when it can: a Polygon or
 * MultiPolygon whose rings have at least 4 positions of finite [lon, lat] on the globe, are
 * closed and do not cross or touch themselves. The reason names the polygon, ring and position.
 */
export function checkBlockGeometry(
  geometry: unknown,
): { polygons: BlockPolygons } | { problem: string } {
  if (!isObject(geometry)) return { problem: 'is missing' };
  const { type, coordinates } = geometry;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return { problem: `is a ${String(type)}, not a Polygon or MultiPolygon` };
  }
  if (!Array.isArray(coordinates)) return { problem: `is a ${type} without coordinates` };
  const polygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  for (let p = 0; p < polygons.length; p++) {
    const polygon = polygons[p];
    const where = type === 'Polygon' ? '' : `polygon ${p} `;
    if (!Array.isArray(polygon) || polygon.length === 0) {
      return { problem: `${where}has no rings` };
    }
    for (let r = 0; r < polygon.length; r++) {
      const problem = ringProblem(polygon[r]);
      if (problem) return { problem: `${where}ring ${r}${r === 0 ? ' (outer)' : ''} ${problem}` };
    }
  }
  return { polygons: polygons as BlockPolygons };
}

function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring)) return 'is not a list of positions';
  for (let i = 0; i < ring.length; i++) {
    const position: unknown = ring[i];
    if (!Array.isArray(position) || position.length < 2) {
      return `position ${i} is not a [lon, lat] pair`;
    }
    const [lon, lat] = position as unknown[];
    if (
      typeof lon !== 'number' ||
      typeof lat !== 'number' ||
      !Number.isFinite(lon) ||
      !Number.isFinite(lat)
    ) {
      return `position ${i} is not a pair of finite numbers: ${JSON.stringify(position)}`;
    }
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      return `position ${i} [${lon}, ${lat}] is off the globe (lon −180…180, lat −90…90: projected coordinates?)`;
    }
  }
  const positions = ring as Position[];
  if (positions.length < 4) {
    return `has ${positions.length} positions; a closed ring needs at least 4`;
  }
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return `is not closed: it starts at [${first[0]}, ${first[1]}] and ends at [${last[0]}, ${last[1]}]`;
  }
  const crossing = ringSelfIntersection(positions);
  if (crossing) {
    return `crosses itself near [${crossing.at[0]}, ${crossing.at[1]}] (segments from positions ${crossing.segmentA} and ${crossing.segmentB})`;
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
