import {
  AccountTable,
  RepTable,
  concatAccounts,
  levelRank,
  subsetAccounts,
  TesseraError,
  type AccountMeasure,
  type RepInput,
} from '@tessera/core';
import type { Dataset } from '../dataset/dataset.js';
import type { NewRep } from '../schema/edit-schema.js';
import { baselineWarning } from './baseline-warning.js';
import { ownersFromPlan } from './owners-from-plan.js';

const NO_PIN = -1;

/**
 * The working copy edits change, one edit at a time. Account columns are replaced, never
 * written in place, so the source dataset's arrays are shared until an edit needs its own.
 */
export class EditState {
  accounts: AccountTable;
  readonly sourceAccounts: AccountTable;
  sourceIndex: Int32Array;
  /** The planner's locks (1 = stays with its owner). */
  locked: Uint8Array;
  /** For each account, an index into `pinIds` (reassigned there) or -1. */
  pin: Int32Array;
  readonly pinIds: string[] = [];
  readonly reps: RepInput[];
  readonly log: string[] = [];
  readonly warnings: string[] = [];
  /** The edit being applied, for messages: `edit 3 (scale)`. */
  label = '';

  constructor(dataset: Dataset) {
    this.accounts = dataset.baseline
      ? ownersFromPlan(dataset.accounts, dataset.reps, dataset.baseline)
      : dataset.accounts;
    const partial = dataset.baseline ? baselineWarning(dataset.baseline) : null;
    if (partial !== null) this.warnings.push(partial);
    this.sourceAccounts = dataset.accounts;
    const n = this.accounts.length;
    this.sourceIndex = Int32Array.from({ length: n }, (_, i) => i);
    this.locked = Uint8Array.from(this.accounts.locked);
    this.pin = new Int32Array(n).fill(NO_PIN);
    this.reps = [...dataset.reps.rows()].map((row) => ({
      id: row.id,
      name: row.name,
      lat: row.lat,
      lon: row.lon,
      capacity: row.capacity,
      skills: row.skills,
      level: row.level,
      // The title as written: without it the rank would survive an edit and the title not.
      levelLabel: row.levelLabel,
      attributes: row.attributes,
    }));
  }

  /** Hires a rep; a level given as a title is ranked on core's ladder and kept as written. */
  addRep(rep: NewRep): void {
    const { level, ...rest } = rep;
    const label = typeof level === 'string' && level.trim() !== '' ? level : null;
    const rank = label === null ? (typeof level === 'number' ? level : null) : levelRank(label);
    this.reps.push({ ...rest, level: Number.isNaN(rank) ? null : rank, levelLabel: label });
  }

  fail(message: string): never {
    throw new TesseraError('INVALID_EDIT', `${this.label}: ${message}`);
  }

  repIndex(id: string): number {
    return this.reps.findIndex((rep) => rep.id === id);
  }

  /** The rep's position in `reps`, or a failure naming the rep and some that exist. */
  requireRep(id: string): number {
    const r = this.repIndex(id);
    if (r < 0) {
      const some = this.reps.slice(0, 5).map((rep) => rep.id);
      const more = this.reps.length > 5 ? ', …' : '';
      this.fail(`no rep "${id}" (the scenario has ${this.reps.length}: ${some.join(', ')}${more})`);
    }
    return r;
  }

  pinCode(repId: string): number {
    let code = this.pinIds.indexOf(repId);
    if (code < 0) code = this.pinIds.push(repId) - 1;
    return code;
  }

  /** A copy of one measure column with `factor` applied where `mask` is 1. */
  scale(measure: AccountMeasure, factor: number, mask: Uint8Array): void {
    const column = Float64Array.from(this.accounts[measure]);
    for (let i = 0; i < column.length; i++) if (mask[i] === 1) column[i] = column[i]! * factor;
    const data = this.accounts.toData();
    this.accounts = new AccountTable({
      ...data,
      measures: { ...data.measures, [measure]: column },
    });
  }

  /** Keeps the accounts where `keep` is 1, with their locks and pins. */
  retain(keep: Uint8Array): void {
    let count = 0;
    for (let i = 0; i < keep.length; i++) count += keep[i]!;
    const indices = new Int32Array(count);
    for (let i = 0, k = 0; i < keep.length; i++) if (keep[i] === 1) indices[k++] = i;
    this.accounts = subsetAccounts(this.accounts, indices);
    this.sourceIndex = indices.map((i) => this.sourceIndex[i]!);
    this.locked = Uint8Array.from(indices, (i) => this.locked[i]!);
    this.pin = indices.map((i) => this.pin[i]!);
  }

  append(added: AccountTable): void {
    this.accounts = concatAccounts(this.accounts, added);
    this.sourceIndex = joinInt32(this.sourceIndex, new Int32Array(added.length).fill(-1));
    const locked = new Uint8Array(this.locked.length + added.length);
    locked.set(this.locked);
    locked.set(added.locked, this.locked.length);
    this.locked = locked;
    this.pin = joinInt32(this.pin, new Int32Array(added.length).fill(NO_PIN));
  }

  finishReps(): RepTable {
    return RepTable.fromRows(this.reps);
  }
}

function joinInt32(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
