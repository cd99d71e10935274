import { TesseraError } from '@tessera/core';
import { matchAccounts, type AreaGeometry } from '../filter/index.js';
import type { AccountSelection } from '../schema/edit-schema.js';
import type { EditState } from './edit-state.js';

/**
 * The accounts an edit selects, as a mask over the current accounts. Listed ids must all
 * exist; a filter that matches nothing is allowed (the data may have changed) but warned about.
 */
export function selectAccounts(
  state: EditState,
  selection: AccountSelection,
  areas: Readonly<Record<string, AreaGeometry>>,
): { mask: Uint8Array; count: number } {
  const { accounts } = state;
  if ('ids' in selection) {
    const mask = new Uint8Array(accounts.length);
    const missing: string[] = [];
    for (const id of selection.ids) {
      const i = accounts.indexOf(id);
      if (i < 0) missing.push(id);
      else mask[i] = 1;
    }
    if (missing.length > 0) {
      const shown = missing
        .slice(0, 3)
        .map((id) => `"${id}"`)
        .join(', ');
      const more = missing.length > 3 ? ` and ${missing.length - 3} more` : '';
      state.fail(`no account ${shown}${more} in the scenario`);
    }
    return { mask, count: countOnes(mask) };
  }
  let mask: Uint8Array;
  try {
    mask = matchAccounts(accounts, selection.filter, { areas });
  } catch (error) {
    if (error instanceof TesseraError) state.fail(error.message);
    throw error;
  }
  const count = countOnes(mask);
  if (count === 0)
    state.warnings.push(`${state.label}: filter \`${selection.filter}\` matches no account`);
  return { mask, count };
}

function countOnes(mask: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < mask.length; i++) count += mask[i]!;
  return count;
}
