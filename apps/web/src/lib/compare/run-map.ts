import { ABSENT_ROW, UNASSIGNED_ROW, type ScenarioRun } from '@tessera/scenarios';
import type { AccountLabel, MapAccounts, MapRep, MapTerritory } from '../map/types.ts';

/** What one map of a comparison draws: a run's plan over its edited accounts. */
export interface RunMap {
  accounts: MapAccounts;
  territories: MapTerritory[];
  reps: MapRep[];
  accountLabel: (index: number) => AccountLabel;
}

/**
 * A run as the map takes it. The columns are the run's own (no copy): the plan indexes the
 * accounts as the scenario's edits left them, so a scenario that added accounts draws them too.
 */
export function runMap(run: ScenarioRun): RunMap {
  const { accounts, reps } = run.edited;
  const territories: MapTerritory[] = run.territories.map((t) => ({
    id: t.id,
    name: t.name,
    repName: t.repName ?? undefined,
  }));
  const territoryOfRep = new Map<string, number>();
  run.territories.forEach((t, i) => {
    if (t.repId !== null && !territoryOfRep.has(t.repId)) territoryOfRep.set(t.repId, i);
  });
  const mapReps: MapRep[] = [];
  for (let r = 0; r < reps.length; r++) {
    const lon = reps.lon[r]!;
    const lat = reps.lat[r]!;
    if (Number.isNaN(lon) || Number.isNaN(lat)) continue;
    const id = reps.id.get(r);
    mapReps.push({ id, name: reps.name.get(r) || id, lon, lat, territory: territoryOfRep.get(id) });
  }
  return {
    accounts: {
      count: accounts.length,
      lon: accounts.lon,
      lat: accounts.lat,
      territory: run.plan.territoryOf,
      weight: accounts.workload,
    },
    territories,
    reps: mapReps,
    accountLabel: (index) => ({
      id: accounts.id.get(index),
      name: accounts.name.get(index) || undefined,
    }),
  };
}

/** A territory's words in a run: its name and rep; the comparison's own rows in plain words. */
export function territoryLabeller(run: ScenarioRun): (id: string) => string {
  const names = new Map(
    run.territories.map((t) => [
      t.id,
      t.repName && t.repName !== t.name ? `${t.name} (${t.repName})` : t.name,
    ]),
  );
  return (id) => {
    if (id === UNASSIGNED_ROW) return 'Unassigned';
    if (id === ABSENT_ROW) return 'Not in the scenario';
    return names.get(id) ?? id;
  };
}
