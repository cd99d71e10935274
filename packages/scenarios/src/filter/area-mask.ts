import type { AccountTable } from '@tessera/core';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Polygon, Position } from 'geojson';
import type { AreaGeometry } from './area-schema.js';

interface Box {
  readonly minLon: number;
  readonly minLat: number;
  readonly maxLon: number;
  readonly maxLat: number;
}

/** One polygon of an area (outer ring and holes) with the box around its outer ring. */
interface BoxedPolygon extends Box {
  readonly polygon: Polygon;
}

interface PreparedArea {
  readonly parts: readonly BoxedPolygon[];
  /** Around every part: most accounts of a large table fail this one test. */
  readonly box: Box;
}

// Areas are usually reused by many edits of a scenario: box them once per geometry object.
const prepared = new WeakMap<AreaGeometry, PreparedArea>();

/**
 * 1 where the account's location lies in the area (an edge counts as inside, a hole as
 * outside); accounts without lat/lon never do. `scope`, when given, limits the work to rows
 * where it is 1 (the others come back 0): the caller's cheaper conditions already ruled them out.
 */
export function withinMask(
  accounts: AccountTable,
  area: AreaGeometry,
  scope?: Uint8Array,
): Uint8Array {
  let prep = prepared.get(area);
  if (!prep) {
    prep = prepare(area);
    prepared.set(area, prep);
  }
  const { parts, box } = prep;
  const n = accounts.length;
  const out = new Uint8Array(n);
  const { lat, lon } = accounts;
  const point = [0, 0];
  for (let i = 0; i < n; i++) {
    if (scope && scope[i] === 0) continue;
    const x = lon[i]!;
    const y = lat[i]!;
    // NaN fails every comparison, so unlocated accounts drop out here.
    if (!(x >= box.minLon && x <= box.maxLon && y >= box.minLat && y <= box.maxLat)) continue;
    point[0] = x;
    point[1] = y;
    for (const part of parts) {
      if (x < part.minLon || x > part.maxLon || y < part.minLat || y > part.maxLat) continue;
      if (booleanPointInPolygon(point, part.polygon)) {
        out[i] = 1;
        break;
      }
    }
  }
  return out;
}

function prepare(area: AreaGeometry): PreparedArea {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  const parts = polygons
    .filter((rings) => rings.length > 0)
    .map((rings): BoxedPolygon => ({
      polygon: { type: 'Polygon', coordinates: rings },
      ...boxAround(rings[0]!),
    }));
  const corners = parts.flatMap((part) => [
    [part.minLon, part.minLat],
    [part.maxLon, part.maxLat],
  ]);
  return { parts, box: boxAround(corners) };
}

/** The lon/lat box around some positions; an empty list gives a box nothing falls in. */
function boxAround(points: readonly Position[]): Box {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const [x = NaN, y = NaN] of points) {
    minLon = Math.min(minLon, x);
    maxLon = Math.max(maxLon, x);
    minLat = Math.min(minLat, y);
    maxLat = Math.max(maxLat, y);
  }
  return { minLon, minLat, maxLon, maxLat };
}
