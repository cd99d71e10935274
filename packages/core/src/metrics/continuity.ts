import type { AccountTable } from '../table/account-table.js';
import type { RepTable } from '../table/rep-table.js';
import { weightOf } from './weight.js';

/** For each code of the accounts' owner column, the owner's rep index (-1: not a known rep). */
export function ownerReps(accounts: AccountTable, reps: RepTable): Int32Array {
  return Int32Array.from(accounts.owner.dictionary, (id) => reps.indexOf(id));
}

/**
 * Against the baseline owners: the share of accounts, and of revenue, whose rep in the plan is
 * not their owner (unassigned or in an unstaffed territory counts as moved). Only accounts whose
 * owner is a known rep are counted: with no owner, or an owner who left, there is nothing to keep.
 * Revenue missing or below 0 counts as 0. An empty baseline gives 0 for both shares.
 */
export function continuity(
  accounts: AccountTable,
  ownerRep: Int32Array,
  territoryOf: Int32Array,
  territoryRep: Int32Array,
): { accountsMovedShare: number; revenueMovedShare: number } {
  const owners = accounts.owner.codes;
  const revenue = accounts.revenue;
  let baseline = 0;
  let moved = 0;
  let baselineRevenue = 0;
  let movedRevenue = 0;
  // Branch-free on purpose: owners and plans are in no order, so branches mispredict.
  for (let i = 0; i < owners.length; i++) {
    const code = owners[i]!;
    const owner = code < 0 ? -1 : ownerRep[code]!;
    const t = territoryOf[i]!;
    const rep = t < 0 ? -1 : territoryRep[t]!;
    const counted = owner >= 0 ? 1 : 0;
    const value = counted * weightOf(revenue[i]!);
    const changed = rep !== owner ? counted : 0;
    baseline += counted;
    baselineRevenue += value;
    moved += changed;
    movedRevenue += changed * value;
  }
  return {
    accountsMovedShare: baseline > 0 ? moved / baseline : 0,
    revenueMovedShare: baselineRevenue > 0 ? movedRevenue / baselineRevenue : 0,
  };
}
