import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { territoryShapes, type TerritoryShapeOptions } from '../../geo/shapes/territory-shapes.js';
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

export type TerritoryGeometry = MultiPolygon;

/**
 * One feature per territory that has located accounts, its shape a MultiPolygon that tiles
 * with its neighbours' (see `territoryShapes`): the union of its building blocks when
 * `options.blocks` is given, otherwise the Voronoi cells of its accounts dissolved. Territories
 * without located accounts are left out: they have no shape to draw.
 */
export function territoriesToGeoJSON(
  accounts: AccountTable,
  plan: Plan,
  options: TerritoryShapeOptions = {},
): FeatureCollection<TerritoryGeometry, TerritoryFeatureProperties> {
  assertPlanFits(plan, accounts);
  const counts = new Float64Array(plan.territories.length);
  const workload = new Float64Array(plan.territories.length);
  for (let i = 0; i < accounts.length; i++) {
    const t = plan.territoryOf[i]!;
    if (t < 0) continue;
    counts[t]!++;
    const w = accounts.workload[i]!;
    if (w > 0) workload[t]! += w;
  }
  const shapes = territoryShapes(accounts, plan, options);
  const features: Feature<TerritoryGeometry, TerritoryFeatureProperties>[] = [];
  plan.territories.forEach((territory, t) => {
    const coordinates = shapes[t]!;
    if (coordinates.length === 0) return;
    const properties: TerritoryFeatureProperties = {
      id: territory.id,
      name: territory.name,
      repId: territory.repId,
      accounts: counts[t]!,
      workload: workload[t]!,
    };
    features.push({
      type: 'Feature',
      id: territory.id,
      properties,
      geometry: { type: 'MultiPolygon', coordinates },
    });
  });
  return { type: 'FeatureCollection', features };
}
