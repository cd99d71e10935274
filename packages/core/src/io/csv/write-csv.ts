import { startsFormula } from './cell-reader.js';

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Makes a text value safe as one CSV cell. A value a spreadsheet would run as a formula (first
 * character `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`, which the importers strip again;
 * a value holding a comma, quote or line break is quoted with its quotes doubled.
 * Only for text: numbers go through {@link formatNumber} so `-73.9` stays a number.
 */
export function escapeCsvCell(value: string): string {
  const safe = value.length > 0 && startsFormula(value.charCodeAt(0)) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number cell: the shortest text that reads back as the same double; NaN is an empty cell. */
export function formatNumber(value: number): string {
  return Number.isNaN(value) ? '' : String(value);
}

/** A header row from column names. */
export function headerLine(names: readonly string[]): string {
  return `${names.map(escapeCsvCell).join(',')}\n`;
}

/** How many records go into one chunk of an export. */
export const ROWS_PER_CHUNK = 1024;
