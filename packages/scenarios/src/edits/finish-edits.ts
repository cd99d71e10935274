import { AccountTable } from '@tessera/core';
import type { EditedDataset } from './edited-dataset.js';
import type { EditState } from './edit-state.js';

/**
 * Turns the working copy into the tables a run uses. Pins to reps who are gone and locks to
 * owners who are gone cannot be honoured by anyone: they are released, and the planner told.
 */
export function finishEdits(state: EditState): EditedDataset {
  const reps = state.finishReps();
  const { accounts, pin, pinIds, locked } = state;
  const n = accounts.length;

  const pinRep = pinIds.map((id) => reps.indexOf(id));
  const releasedPins = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const code = pin[i]!;
    if (code >= 0 && pinRep[code]! < 0) {
      pin[i] = -1;
      releasedPins.set(pinIds[code]!, (releasedPins.get(pinIds[code]!) ?? 0) + 1);
    }
  }
  for (const [repId, k] of releasedPins) {
    state.warnings.push(
      `${k} account(s) reassigned to "${repId}" were released: the rep was removed`,
    );
  }

  const ownerRep = Int32Array.from(accounts.owner.dictionary, (id) => reps.indexOf(id));
  const releasedLocks = new Map<string, number>();
  const owners = accounts.owner;
  for (let i = 0; i < n; i++) {
    if (locked[i] !== 1 || pin[i]! >= 0) continue;
    const code = owners.codes[i]!;
    if (code >= 0 && ownerRep[code]! < 0) {
      locked[i] = 0;
      const id = owners.dictionary[code]!;
      releasedLocks.set(id, (releasedLocks.get(id) ?? 0) + 1);
    }
  }
  for (const [repId, k] of releasedLocks) {
    state.warnings.push(
      `${k} locked account(s) of "${repId}" were unlocked: the rep is not in the scenario`,
    );
  }

  // Effective locks: the planner's, plus every reassigned account (held by its new rep).
  const locks = new Uint8Array(n);
  for (let i = 0; i < n; i++) locks[i] = locked[i] === 1 || pin[i]! >= 0 ? 1 : 0;

  const data = accounts.toData();
  const edited = new AccountTable({ ...data, locked: locks });
  return {
    accounts: edited,
    reps,
    strategyAccounts: pinIds.length === 0 ? edited : withPins(edited, pin, pinIds),
    sourceAccounts: state.sourceAccounts,
    sourceIndex: state.sourceIndex,
    log: state.log,
    warnings: state.warnings,
  };
}

/** The accounts with a reassigned account's owner replaced by its new rep. */
function withPins(
  accounts: AccountTable,
  pin: Int32Array,
  pinIds: readonly string[],
): AccountTable {
  const dictionary = [...accounts.owner.dictionary];
  const lookup = new Map(dictionary.map((id, code) => [id, code]));
  const pinCode = pinIds.map((id) => {
    let code = lookup.get(id);
    if (code === undefined) {
      code = dictionary.push(id) - 1;
      lookup.set(id, code);
    }
    return code;
  });
  const codes = Int32Array.from(accounts.owner.codes);
  for (let i = 0; i < codes.length; i++) if (pin[i]! >= 0) codes[i] = pinCode[pin[i]!]!;
  const data = accounts.toData();
  return new AccountTable({
    ...data,
    categories: { ...data.categories, owner: { codes, dictionary } },
  });
}
