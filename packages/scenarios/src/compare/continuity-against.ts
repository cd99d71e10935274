import type { EditedDataset } from '../edits/edited-dataset.js';
import type { ScenarioRun } from '../run/run-scenario.js';
import { alignAccounts } from './align-accounts.js';
import type { BaselineKind, ContinuityShares } from './types.js';

export interface ContinuityAgainst extends ContinuityShares {
  /** Accounts both have whose owner in the run's own baseline is not the reference's. */
  baselineDiffers: number;
}

/**
 * A run's continuity measured against another baseline's owners (the reference), the way core
 * measures it against the run's own: the share of accounts, and of revenue, whose rep is not
 * their reference owner, counting only accounts whose reference owner is on the run's team.
 * Accounts the reference lacks (added by the run) have no reference owner and do not count.
 */
export function continuityAgainst(reference: EditedDataset, run: ScenarioRun): ContinuityAgainst {
  const { accounts, reps } = run.edited;
  const inReference = alignAccounts(reference, run.edited);
  const refOwner = reference.accounts.owner;
  const refRep = Int32Array.from(refOwner.dictionary, (id) => reps.indexOf(id));
  const ownOwner = accounts.owner;
  // The run's owner codes in the reference's dictionary (-2: an id the reference never has).
  const refCode = new Map(refOwner.dictionary.map((id, code) => [id, code]));
  const ownInRef = Int32Array.from(ownOwner.dictionary, (id) => refCode.get(id) ?? -2);
  const repOf = run.plan.repOf(reps);
  const revenue = accounts.revenue;
  let counted = 0;
  let moved = 0;
  let countedRevenue = 0;
  let movedRevenue = 0;
  let baselineDiffers = 0;
  for (let j = 0; j < accounts.length; j++) {
    const i = inReference[j]!;
    if (i < 0) continue;
    const code = refOwner.codes[i]!;
    const own = ownOwner.codes[j]!;
    if ((own < 0 ? -1 : ownInRef[own]!) !== code) baselineDiffers++;
    const owner = code < 0 ? -1 : refRep[code]!;
    if (owner < 0) continue;
    const r = revenue[j]!;
    const value = Number.isFinite(r) && r > 0 ? r : 0;
    counted++;
    countedRevenue += value;
    if (repOf[j] !== owner) {
      moved++;
      movedRevenue += value;
    }
  }
  return {
    accountsMovedShare: counted > 0 ? moved / counted : 0,
    revenueMovedShare: countedRevenue > 0 ? movedRevenue / countedRevenue : 0,
    baselineDiffers,
  };
}

/**
 * Whether a run's baseline is the accounts' owner column or a plan that differs from it (a
 * `dataset.baseline`), for labels.
 */
export function baselineKind(edited: EditedDataset): BaselineKind {
  const own = edited.accounts.owner;
  const source = edited.sourceAccounts.owner;
  for (let j = 0; j < edited.sourceIndex.length; j++) {
    const s = edited.sourceIndex[j]!;
    if (s < 0) continue;
    const a = own.codes[j]!;
    const b = source.codes[s]!;
    if ((a < 0 ? null : own.dictionary[a]) !== (b < 0 ? null : source.dictionary[b])) return 'plan';
  }
  return 'owners';
}
