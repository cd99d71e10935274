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
  if (releasedPins.size > 0) {
    state.warnings.push(
      released(releasedPins, 'reassigned', 'released', 'removed from the scenario', 'to'),
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
  if (releasedLocks.size > 0) {
    state.warnings.push(released(releasedLocks, 'locked', 'unlocked', 'not in the scenario', 'of'));
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

/** How many reps a released-accounts warning names before "and N more". */
const NAMED_REPS = 3;

/**
 * One sentence for every account released for want of its rep, whatever the number of reps:
 * real data has locked accounts of dozens of reps who left, and a line each would drown the rest.
 */
function released(
  byRep: ReadonlyMap<string, number>,
  what: 'locked' | 'reassigned',
  done: 'unlocked' | 'released',
  why: string,
  preposition: 'of' | 'to',
): string {
  const total = [...byRep.values()].reduce((sum, k) => sum + k, 0);
  const accounts = `${total.toLocaleString('en-US')} ${what} account${total === 1 ? '' : 's'}`;
  const were = total === 1 ? 'was' : 'were';
  if (byRep.size === 1) {
    const [repId] = byRep.keys();
    return `${accounts} ${preposition} "${repId!}" ${were} ${done}: the rep is ${why}`;
  }
  const reps = [...byRep].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const named = reps.slice(0, NAMED_REPS).map(([id, k]) => `"${id}" ${k.toLocaleString('en-US')}`);
  const more = reps.length > NAMED_REPS ? `, and ${reps.length - NAMED_REPS} more` : '';
  return `${accounts} ${were} ${done}: their ${byRep.size} reps are ${why} (${named.join(', ')}${more})`;
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
