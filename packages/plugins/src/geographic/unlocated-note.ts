import type { AccountTable } from '@tessera/core';
import { isLocated, type AtomSet } from './atoms.js';

/**
 * One warning line on the accounts without coordinates (or with coordinates out of range): how
 * many there are and what became of them, or null when every account has a place. The planner
 * sees them nowhere on the map, so the line says where they went: with the rep a lock (theirs
 * or their unit's) names, with the rest of their unit, or placed by workload alone.
 */
export function unlocatedWarning(
  accounts: AccountTable,
  atoms: AtomSet,
  atomOf: Int32Array,
  continuity: boolean,
): string | null {
  let none = 0;
  let locked = 0;
  let withUnit = 0;
  for (let i = 0; i < accounts.length; i++) {
    const lat = accounts.lat[i]!;
    const lon = accounts.lon[i]!;
    if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) continue;
    none++;
    const a = atomOf[i]!;
    if (atoms.lockRep[a]! >= 0) locked++;
    else if (isLocated(atoms, a)) withUnit++;
  }
  if (none === 0) return null;
  const byLoad = none - locked - withUnit;
  const parts: string[] = [];
  if (byLoad > 0) {
    parts.push(
      `${byLoad} placed by workload alone, largest first, each in the territory furthest below ` +
        `its target${continuity ? " (or kept in its owner's territory where that had room)" : ''}`,
    );
  }
  if (locked > 0) {
    parts.push(`${locked} kept with ${locked === 1 ? 'its locked rep' : 'their locked reps'}`);
  }
  if (withUnit > 0) {
    parts.push(`${withUnit} placed with ${withUnit === 1 ? 'its unit' : 'their units'}`);
  }
  const accountsWord = accounts.length === 1 ? 'account' : 'accounts';
  return (
    `${none} of ${accounts.length} ${accountsWord} ${none === 1 ? 'has' : 'have'} no coordinates: ` +
    `${parts.join('; ')}; ${none === 1 ? 'it adds' : 'they add'} nothing to the distances`
  );
}
