import { AccountTable, baselinePlan, Plan, RepTable, type StringColumn } from '@tessera/core';
import type { DatasetData } from '@tessera/scenarios';
import type { AccountLabel, MapAccounts, MapRep, MapTerritory } from './types.ts';

/** What the map needs of a dataset, and where its colours come from. */
export interface DatasetMap {
  accounts: MapAccounts;
  territories: MapTerritory[];
  reps: MapRep[];
  accountLabel: (index: number) => AccountLabel;
  /**
   * `baseline`: the plan imported with the dataset; `owners`: today's owners (core's
   * `baselinePlan`, what continuity is measured against); `none`: no plan, one colour.
   */
  colouredBy: 'baseline' | 'owners' | 'none';
}

/**
 * The dataset's accounts on the map, coloured by its baseline plan. A dataset imported without
 * a plan still has today's alignment in its `owner` column, which core reads as the baseline
 * (a territory per rep); only when no account has an owner is the map one colour.
 * The columns are handed over as they are: no copy, no per-account object.
 */
export function datasetMap(data: DatasetData): DatasetMap {
  const accounts = new AccountTable(data.accounts);
  const reps = new RepTable(data.reps);
  const ownersKnown = accounts.owner.codes.some((code) => code >= 0);
  const plan = data.baseline
    ? Plan.fromData(data.baseline)
    : ownersKnown
      ? baselinePlan(accounts, reps)
      : null;
  if (plan && plan.territoryOf.length !== accounts.length) {
    throw new Error(
      `the baseline plan covers ${plan.territoryOf.length} accounts but the dataset has ${accounts.length}`,
    );
  }

  const repName = new Map<string, string>();
  for (let r = 0; r < reps.length; r++) repName.set(reps.id.get(r), reps.name.get(r));
  const territories: MapTerritory[] = plan
    ? plan.territories.map((t) => ({
        id: t.id,
        name: t.name,
        repName: t.repId === null ? undefined : (repName.get(t.repId) ?? t.repId),
      }))
    : [{ id: 'all', name: 'All accounts' }];
  const territoryOfRep = new Map<string, number>();
  plan?.territories.forEach((t, i) => {
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

  const ids: StringColumn = accounts.id;
  const names: StringColumn = accounts.name;
  return {
    accounts: {
      count: accounts.length,
      lon: accounts.lon,
      lat: accounts.lat,
      territory: plan ? plan.territoryOf : new Int32Array(accounts.length),
      weight: accounts.workload,
    },
    territories,
    reps: mapReps,
    accountLabel: (index) => ({ id: ids.get(index), name: names.get(index) || undefined }),
    colouredBy: data.baseline ? 'baseline' : plan ? 'owners' : 'none',
  };
}
