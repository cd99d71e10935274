import type { Feature, FeatureCollection, Point } from 'geojson';
import { assertPlanFits, type Plan } from '../../plan/plan.js';
import type { AccountTable } from '../../table/account-table.js';

export interface AccountFeatureProperties {
  id: string;
  name: string;
  industry: string | null;
  workload: number | null;
  potential: number | null;
  owner: string | null;
  territoryId: string | null;
  repId: string | null;
}

/** A point per located account, with its territory and rep under `plan` when one is given. */
export function accountsToGeoJSON(
  accounts: AccountTable,
  plan?: Plan,
): FeatureCollection<Point, AccountFeatureProperties> {
  if (plan) assertPlanFits(plan, accounts);
  const num = (v: number): number | null => (Number.isNaN(v) ? null : v);
  const features: Feature<Point, AccountFeatureProperties>[] = [];
  for (let i = 0; i < accounts.length; i++) {
    const lat = accounts.lat[i]!;
    const lon = accounts.lon[i]!;
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const t = plan ? plan.territoryOf[i]! : -1;
    const territory = t >= 0 ? plan!.territories[t]! : null;
    const id = accounts.id.get(i);
    features.push({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: {
        id,
        name: accounts.name.get(i),
        industry: accounts.industry.get(i),
        workload: num(accounts.workload[i]!),
        potential: num(accounts.potential[i]!),
        owner: accounts.owner.get(i),
        territoryId: territory?.id ?? null,
        repId: territory?.repId ?? null,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
