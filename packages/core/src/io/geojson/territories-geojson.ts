import { convex } from '@turf/convex';
import { multiPoint } from '@turf/helpers';
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import { assertPlanFits, type Plan } from '../../plan/plan.js';
import type { AccountTable } from '../../table/account-table.js';

/** What a territory feature carries besides its shape. */
export interface TerritoryFeatureProperties {
  id: string;
  name: string;
  repId: string | null;
  accounts: number;
  workload: number;
}

export type TerritoryGeometry = Polygon | LineString | Point;

/**
 * One feature per territory that has located accounts: the convex hull of its accounts
 * (a LineString or Point when fewer than three distinct locations make no polygon).
 * Territories without located accounts are left out: they have no shape to draw.
 */
export function territoriesToGeoJSON(
  accounts: AccountTable,
  plan: Plan,
): FeatureCollection<TerritoryGeometry, TerritoryFeatureProperties> {
  assertPlanFits(plan, accounts);
  const members: [number, number][][] = plan.territories.map(() => []);
  const counts = new Float64Array(plan.territories.length);
  const workload = new Float64Array(plan.territories.length);
  for (let i = 0; i < accounts.length; i++) {
    const t = plan.territoryOf[i]!;
    if (t < 0) continue;
    counts[t]!++;
    const w = accounts.workload[i]!;
    if (w > 0) workload[t]! += w;
    const lat = accounts.lat[i]!;
    const lon = accounts.lon[i]!;
    if (Number.isFinite(lat) && Number.isFinite(lon)) members[t]!.push([lon, lat]);
  }
  const features: Feature<TerritoryGeometry, TerritoryFeatureProperties>[] = [];
  plan.territories.forEach((territory, t) => {
    const points = members[t]!;
    if (points.length === 0) return;
    const properties: TerritoryFeatureProperties = {
      id: territory.id,
      name: territory.name,
      repId: territory.repId,
      accounts: counts[t]!,
      workload: workload[t]!,
    };
    features.push({ type: 'Feature', id: territory.id, properties, geometry: hullOf(points) });
  });
  return { type: 'FeatureCollection', features };
}

function hullOf(points: [number, number][]): TerritoryGeometry {
  const distinct = [...new Map(points.map((p) => [`${p[0]},${p[1]}`, p])).values()];
  if (distinct.length === 1) return { type: 'Point', coordinates: distinct[0]! };
  const hull = distinct.length >= 3 ? convex(multiPoint(distinct)) : null;
  if (hull) return hull.geometry;
  // Two points, or all points on one line: the extreme pair spans the territory.
  const sorted = distinct.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { type: 'LineString', coordinates: [sorted[0]!, sorted[sorted.length - 1]!] };
}
