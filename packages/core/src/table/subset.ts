import { TesseraError } from '../errors/tessera-error.js';
import { AccountTable, ACCOUNT_CATEGORIES, ACCOUNT_MEASURES } from './account-table.js';
import type { AccountCategory, AccountMeasure } from './account-table.js';
import type { CategoryColumn, CategoryColumnData } from './category-column.js';
import { RepTable, REP_MEASURES, type RepMeasure } from './rep-table.js';
import type { StringColumn, StringColumnData } from './string-column.js';
import type { TagColumn, TagColumnData } from './tag-column.js';

/** Row indices into a table: each in range and none repeated. */
export type RowIndices = Int32Array | Uint32Array;

/**
 * A new account table holding just the rows at `indices`, in that order: every typed array is
 * gathered, dictionaries are kept whole so a code means the same value in the subset as in the
 * source (a subset may hold dictionary values no row uses). Throws on an index out of range or
 * given twice (ids must stay unique). Cost: one pass over the chosen rows per column.
 */
export function subsetAccounts(accounts: AccountTable, indices: RowIndices): AccountTable {
  checkIndices(indices, accounts.length, 'account');
  const measures = {} as Record<AccountMeasure, Float64Array>;
  for (const m of ACCOUNT_MEASURES) measures[m] = gatherFloat64(accounts[m], indices);
  const categories = {} as Record<AccountCategory, CategoryColumnData>;
  for (const c of ACCOUNT_CATEGORIES) categories[c] = gatherCategory(accounts[c], indices);
  const locked = new Uint8Array(indices.length);
  for (let k = 0; k < indices.length; k++) locked[k] = accounts.locked[indices[k]!]!;
  return new AccountTable({
    kind: 'accounts',
    id: gatherStrings(accounts.id, indices),
    name: gatherStrings(accounts.name, indices),
    measures,
    categories,
    locked,
    skillsRequired: gatherTags(accounts.skillsRequired, indices),
    attributes: [...accounts.attributes].map(([key, column]) => [
      key,
      gatherCategory(column, indices),
    ]),
  });
}

/** A new rep table holding just the rows at `indices`, like {@link subsetAccounts}. */
export function subsetReps(reps: RepTable, indices: RowIndices): RepTable {
  checkIndices(indices, reps.length, 'rep');
  const measures = {} as Record<RepMeasure, Float64Array>;
  for (const m of REP_MEASURES) measures[m] = gatherFloat64(reps[m], indices);
  return new RepTable({
    kind: 'reps',
    id: gatherStrings(reps.id, indices),
    name: gatherStrings(reps.name, indices),
    measures,
    skills: gatherTags(reps.skills, indices),
    levelLabel: gatherCategory(reps.levelLabel, indices),
    attributes: [...reps.attributes].map(([key, column]) => [key, gatherCategory(column, indices)]),
  });
}

function checkIndices(indices: RowIndices, length: number, what: string): void {
  const seen = new Uint8Array(length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    if (!(i >= 0 && i < length)) {
      throw new TesseraError(
        'INVALID_INDEX',
        `${what} subset: index ${i} at position ${k} is outside 0..${length - 1}`,
      );
    }
    if (seen[i] === 1) {
      throw new TesseraError('INVALID_INDEX', `${what} subset: row ${i} is chosen twice`);
    }
    seen[i] = 1;
  }
}

function gatherFloat64(source: Float64Array, indices: RowIndices): Float64Array {
  const out = new Float64Array(indices.length);
  for (let k = 0; k < indices.length; k++) out[k] = source[indices[k]!]!;
  return out;
}

function gatherCategory(column: CategoryColumn, indices: RowIndices): CategoryColumnData {
  const codes = new Int32Array(indices.length);
  const source = column.codes;
  for (let k = 0; k < indices.length; k++) codes[k] = source[indices[k]!]!;
  return { codes, dictionary: [...column.dictionary] };
}

function gatherStrings(column: StringColumn, indices: RowIndices): StringColumnData {
  const { values, offsets } = gatherRuns(column.bytes, column.offsets, indices, Uint8Array);
  return { bytes: values, offsets };
}

function gatherTags(column: TagColumn, indices: RowIndices): TagColumnData {
  const { values, offsets } = gatherRuns(column.codes, column.offsets, indices, Int32Array);
  return { offsets, codes: values, dictionary: [...column.dictionary] };
}

/**
 * The variable-length runs `values[offsets[i]..offsets[i + 1]]` of the chosen rows, packed in
 * order, with their new offsets (the layout of string and tag columns).
 */
function gatherRuns<T extends Uint8Array | Int32Array>(
  values: T,
  offsets: Uint32Array,
  indices: RowIndices,
  Kind: new (length: number) => T,
): { values: T; offsets: Uint32Array } {
  const outOffsets = new Uint32Array(indices.length + 1);
  let size = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    size += offsets[i + 1]! - offsets[i]!;
    outOffsets[k + 1] = size;
  }
  const out = new Kind(size);
  // Runs are short (ids, names, a few tags): an element loop beats a subarray + set per row.
  for (let k = 0, at = 0; k < indices.length; k++) {
    const i = indices[k]!;
    for (let v = offsets[i]!, end = offsets[i + 1]!; v < end; v++) out[at++] = values[v]!;
  }
  return { values: out, offsets: outOffsets };
}
