import type { AccountTable, Plan, PlanMetrics, RepTable } from '@tessera/core';
import type { TerritoryRow } from './types.js';

/** The per-territory table of a run: the metrics' territory figures, the rep's name, gains. */
export function territoryRows(
  accounts: AccountTable,
  reps: RepTable,
  plan: Plan,
  metrics: PlanMetrics,
): TerritoryRow[] {
  const territoryRep = plan.repIndexes(reps);
  const ownerRep = Int32Array.from(accounts.owner.dictionary, (id) => reps.indexOf(id));
  const gained = new Float64Array(plan.territories.length);
  const owners = accounts.owner.codes;
  for (let i = 0; i < plan.territoryOf.length; i++) {
    const t = plan.territoryOf[i]!;
    if (t < 0) continue;
    const code = owners[i]!;
    const owner = code < 0 ? -1 : ownerRep[code]!;
    if (owner !== territoryRep[t]) gained[t]!++;
  }
  return metrics.territories.map(({ centroid, ...m }, t) => {
    const r = territoryRep[t]!;
    return {
      ...m,
      name: plan.territories[t]!.name,
      repName: r < 0 ? null : reps.name.get(r) || reps.id.get(r),
      accountsGained: gained[t]!,
    };
  });
}
