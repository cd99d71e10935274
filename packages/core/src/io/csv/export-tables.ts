import { TesseraError } from '../../errors/tessera-error.js';
import { assertPlanFits, type Plan } from '../../plan/plan.js';
import type { AccountTable } from '../../table/account-table.js';
import type { CategoryColumn } from '../../table/category-column.js';
import type { RepTable } from '../../table/rep-table.js';
import type { TagColumn } from '../../table/tag-column.js';
import { escapeCsvCell, formatNumber, headerLine, ROWS_PER_CHUNK } from './write-csv.js';

/** The header `accountsToCsv` writes before the attribute columns. */
export const ACCOUNT_CSV_HEADER = [
  'id',
  'name',
  'lat',
  'lon',
  'postal_code',
  'region',
  'country',
  'industry',
  'employees',
  'annual_revenue',
  'potential',
  'revenue',
  'workload',
  'owner',
  'locked',
  'skills_required',
] as const;

/** The header `repsToCsv` writes before the attribute columns. */
export const REP_CSV_HEADER = ['id', 'name', 'lat', 'lon', 'capacity', 'skills', 'level'] as const;

export const PLAN_CSV_HEADER = ['account_id', 'territory_id', 'rep_id'] as const;

/**
 * An account table as CSV text in chunks (the header first, then blocks of rows): join them for
 * the whole file, or write them to a stream one by one. `importAccountsCsv` reads it back as
 * the same table.
 */
export function* accountsToCsv(accounts: AccountTable): Generator<string, void, undefined> {
  const attributes = [...accounts.attributes];
  yield headerLine([...ACCOUNT_CSV_HEADER, ...attributes.map(([name]) => name)]);
  const ids = accounts.id.values();
  const names = accounts.name.values();
  // Categories repeat: escape each distinct value once, not once per row.
  const postalCode = categoryCells(accounts.postalCode);
  const region = categoryCells(accounts.region);
  const country = categoryCells(accounts.country);
  const industry = categoryCells(accounts.industry);
  const owner = categoryCells(accounts.owner);
  const extra = attributes.map(([, column]) => categoryCells(column));
  let chunk = '';
  for (let i = 0; i < accounts.length; i++) {
    let line =
      `${escapeCsvCell(ids[i]!)},${escapeCsvCell(names[i]!)},` +
      `${formatNumber(accounts.lat[i]!)},${formatNumber(accounts.lon[i]!)},` +
      `${postalCode(i)},${region(i)},${country(i)},${industry(i)},` +
      `${formatNumber(accounts.employees[i]!)},${formatNumber(accounts.annualRevenue[i]!)},` +
      `${formatNumber(accounts.potential[i]!)},${formatNumber(accounts.revenue[i]!)},` +
      `${formatNumber(accounts.workload[i]!)},${owner(i)},` +
      `${accounts.locked[i] === 1 ? 'true' : 'false'},${tags(accounts.skillsRequired, i)}`;
    for (const cell of extra) line += `,${cell(i)}`;
    chunk += `${line}\n`;
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** A rep table as CSV text in chunks, header first; `importRepsCsv` reads it back. */
export function* repsToCsv(reps: RepTable): Generator<string, void, undefined> {
  const attributes = [...reps.attributes];
  yield headerLine([...REP_CSV_HEADER, ...attributes.map(([name]) => name)]);
  const ids = reps.id.values();
  const names = reps.name.values();
  const extra = attributes.map(([, column]) => categoryCells(column));
  const levelLabels = categoryCells(reps.levelLabel);
  let chunk = '';
  for (let i = 0; i < reps.length; i++) {
    // A level given as a title goes back out as that title; its rank is derived on import.
    const level = reps.levelLabel.codes[i]! >= 0 ? levelLabels(i) : formatNumber(reps.level[i]!);
    let line =
      `${escapeCsvCell(ids[i]!)},${escapeCsvCell(names[i]!)},` +
      `${formatNumber(reps.lat[i]!)},${formatNumber(reps.lon[i]!)},` +
      `${formatNumber(reps.capacity[i]!)},${tags(reps.skills, i)},${level}`;
    for (const cell of extra) line += `,${cell(i)}`;
    chunk += `${line}\n`;
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/**
 * A plan as CSV text in chunks: one row per account in table order, unassigned accounts with an
 * empty territory_id and rep_id, unstaffed territories with an empty rep_id.
 */
export function* planToCsv(plan: Plan, accounts: AccountTable): Generator<string, void, undefined> {
  assertPlanFits(plan, accounts);
  yield headerLine(PLAN_CSV_HEADER);
  const ids = accounts.id.values();
  const territoryCells = plan.territories.map(
    (t) => `${escapeCsvCell(t.id)},${t.repId === null ? '' : escapeCsvCell(t.repId)}`,
  );
  let chunk = '';
  for (let i = 0; i < accounts.length; i++) {
    const t = plan.territoryOf[i]!;
    if (t >= territoryCells.length) {
      throw new TesseraError(
        'PLAN_MISMATCH',
        `account "${ids[i]!}" is in territory #${t}, but the plan has ${territoryCells.length} territories`,
      );
    }
    chunk += `${escapeCsvCell(ids[i]!)},${t < 0 ? ',' : territoryCells[t]!}\n`;
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** Row i's cell of a category column, escaped; each distinct value is escaped once. */
function categoryCells(column: CategoryColumn): (i: number) => string {
  const cells = column.dictionary.map(escapeCsvCell);
  const codes = column.codes;
  return (i) => {
    const code = codes[i]!;
    return code < 0 ? '' : cells[code]!;
  };
}

function tags(column: TagColumn, i: number): string {
  const { offsets, codes, dictionary } = column;
  let out = '';
  for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
    out += k === offsets[i] ? dictionary[codes[k]!]! : `;${dictionary[codes[k]!]!}`;
  }
  return escapeCsvCell(out);
}
