/**
 * Coverage gaps: accounts in no territory, reps (of the rep table) leading no territory that has
 * at least one account, and territories whose workload exceeds a positive capacity.
 */
export function coverage(
  unassigned: number,
  territoryAccounts: ArrayLike<number>,
  territoryWorkload: ArrayLike<number>,
  territoryCapacity: ArrayLike<number>,
  territoryRep: Int32Array,
  repCount: number,
): { unassigned: number; repsWithoutTerritory: number; overCapacity: number } {
  const leads = new Uint8Array(repCount);
  let overCapacity = 0;
  for (let t = 0; t < territoryRep.length; t++) {
    const r = territoryRep[t]!;
    if (r >= 0 && territoryAccounts[t]! > 0) leads[r] = 1;
    const capacity = territoryCapacity[t]!;
    if (capacity > 0 && territoryWorkload[t]! > capacity) overCapacity++;
  }
  let repsWithoutTerritory = 0;
  for (let r = 0; r < repCount; r++) if (leads[r] === 0) repsWithoutTerritory++;
  return { unassigned, repsWithoutTerritory, overCapacity };
}
