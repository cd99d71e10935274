import { AccountTable, TesseraError } from '@tessera/core';
import type { Dataset } from '../dataset/dataset.js';
import type { AreaGeometry } from '../filter/index.js';
import type { Edit } from '../schema/edit-schema.js';
import type { Scenario } from '../schema/scenario-schema.js';
import type { EditedDataset } from './edited-dataset.js';
import { EditState } from './edit-state.js';
import { finishEdits } from './finish-edits.js';
import { selectAccounts } from './select-accounts.js';

const count = (n: number): string => `${n.toLocaleString('en-US')} account${n === 1 ? '' : 's'}`;

/**
 * Applies a scenario's edits, in order, to a copy of the dataset. Each edit sees the result of
 * the ones before it (a filter after `scale` sees scaled values). A bad edit fails the whole
 * scenario with `edit N (type): what is wrong`; nothing is half-applied because nothing is
 * written to the source.
 */
export function applyEdits(
  dataset: Dataset,
  scenario: Pick<Scenario, 'edits' | 'areas'>,
): EditedDataset {
  const state = new EditState(dataset);
  scenario.edits.forEach((edit, i) => {
    state.label = `edit ${i + 1} (${edit.type})`;
    state.log.push(`${state.label}: ${applyEdit(state, edit, scenario.areas)}`);
  });
  state.label = '';
  return finishEdits(state);
}

/** Applies one edit and says what it did. */
function applyEdit(
  state: EditState,
  edit: Edit,
  areas: Readonly<Record<string, AreaGeometry>>,
): string {
  switch (edit.type) {
    case 'add-rep': {
      if (state.repIndex(edit.rep.id) >= 0) state.fail(`rep "${edit.rep.id}" already exists`);
      state.addRep(edit.rep);
      return `added rep "${edit.rep.id}" (capacity ${edit.rep.capacity})`;
    }
    case 'remove-rep': {
      const r = state.requireRep(edit.rep);
      state.reps.splice(r, 1);
      return `removed rep "${edit.rep}"`;
    }
    case 'move-rep': {
      const rep = state.reps[state.requireRep(edit.rep)]!;
      rep.lat = edit.lat;
      rep.lon = edit.lon;
      return `moved rep "${edit.rep}" to ${edit.lat}, ${edit.lon}`;
    }
    case 'set-capacity': {
      const rep = state.reps[state.requireRep(edit.rep)]!;
      const before = rep.capacity ?? null;
      rep.capacity = edit.capacity;
      return `capacity of "${edit.rep}" ${before ?? 'unset'} → ${edit.capacity}`;
    }
    case 'reassign': {
      state.requireRep(edit.to);
      const { mask, count: n } = selectAccounts(state, edit.accounts, areas);
      const code = state.pinCode(edit.to);
      for (let i = 0; i < mask.length; i++) if (mask[i] === 1) state.pin[i] = code;
      return `${count(n)} to "${edit.to}", locked there`;
    }
    case 'lock':
    case 'unlock': {
      const { mask, count: n } = selectAccounts(state, edit.accounts, areas);
      const value = edit.type === 'lock' ? 1 : 0;
      for (let i = 0; i < mask.length; i++) {
        if (mask[i] !== 1) continue;
        state.locked[i] = value;
        if (value === 0) state.pin[i] = -1;
      }
      return `${edit.type === 'lock' ? 'locked' : 'unlocked'} ${count(n)}`;
    }
    case 'scale': {
      const { mask, count: n } = selectAccounts(state, edit.accounts, areas);
      state.scale(edit.measure, edit.factor, mask);
      return `${edit.measure} ×${edit.factor} on ${count(n)}`;
    }
    case 'add-accounts': {
      let added: AccountTable;
      try {
        added = AccountTable.fromRows(edit.accounts);
      } catch (error) {
        if (error instanceof TesseraError) state.fail(error.message);
        throw error;
      }
      for (let i = 0; i < added.length; i++) {
        const id = added.id.get(i);
        if (state.accounts.indexOf(id) >= 0) state.fail(`account "${id}" already exists`);
      }
      state.append(added);
      return `added ${count(added.length)}`;
    }
    case 'remove-accounts': {
      const { mask, count: n } = selectAccounts(state, edit.accounts, areas);
      for (let i = 0; i < mask.length; i++) mask[i] = 1 - mask[i]!;
      state.retain(mask);
      return `removed ${count(n)}`;
    }
  }
}
