import Papa from 'papaparse';
import {
  ACCOUNT_COLUMNS,
  normalizeHeader,
  PLAN_COLUMNS,
  REP_COLUMNS,
  requireCoordinatePair,
  resolveHeader,
  type ColumnAliases,
  type ResolvedHeader,
} from './columns.js';
import { detectDialect } from './csv-dialect.js';
import { CsvImportError } from './import-error.js';

/** Which of the three files of the CSV contract a header belongs to. */
export type CsvFileKind = 'accounts' | 'reps' | 'plan';

/** One header of a file and what an import would read it as. */
export interface CsvColumnMatch {
  /** The header as written in the file. */
  header: string;
  /** The contract column it fills (`postal_code` for `ZIP`), or null: kept as an attribute. */
  column: string | null;
  /** Whether `header` is one of the column's other names rather than the column itself. */
  alias: boolean;
}

/** How an import would read a file's header, found before any row is read. */
export interface CsvHeaderPreview {
  /** Every non-blank header, in file order. */
  columns: CsvColumnMatch[];
  /** The header problem that would refuse the file (a missing `id`, a repeated column), or null. */
  problem: string | null;
}

const KNOWN: Record<CsvFileKind, { columns: ColumnAliases; required: string[]; located: boolean }> =
  {
    accounts: { columns: ACCOUNT_COLUMNS, required: ['id'], located: true },
    reps: { columns: REP_COLUMNS, required: ['id'], located: true },
    plan: { columns: PLAN_COLUMNS, required: ['account_id', 'territory_id'], located: false },
  };

/**
 * Reads the header row off the start of a CSV file (`head`: its first few kilobytes as text are
 * enough) and maps it the way the importers will, with the same aliases and precedence rules:
 * a browser can show "ZIP → postal_code" before uploading anything. Null when `head` holds no
 * header row.
 */
export function previewCsvHeader(kind: CsvFileKind, head: string): CsvHeaderPreview | null {
  const text = head.startsWith('\uFEFF') ? head.slice(1) : head;
  const dialect = detectDialect(text, true);
  if (!dialect || text.trim() === '') return null;
  const parsed = Papa.parse<string[]>(text, {
    delimiter: dialect.delimiter,
    preview: 1,
    skipEmptyLines: 'greedy',
  });
  const header = parsed.data[0];
  if (!header || header.every((h) => h.trim() === '')) return null;

  const known = KNOWN[kind];
  let problem: string | null = null;
  let resolved: ResolvedHeader<string> | null;
  try {
    resolved = resolveHeader(header, known.columns, known.required);
    if (known.located) requireCoordinatePair(resolved);
  } catch (error) {
    if (!(error instanceof CsvImportError)) throw error;
    problem = error.message;
    // Still show what maps where: resolve again with nothing required (a repeated header
    // throws again, and then only the names are shown).
    try {
      resolved = resolveHeader(header, known.columns, []);
    } catch {
      resolved = null;
    }
  }

  const columnAt = new Map<number, string>();
  if (resolved) {
    for (const [column, index] of Object.entries(resolved.index)) {
      if (index >= 0) columnAt.set(index, column);
    }
  }
  const columns: CsvColumnMatch[] = [];
  header.forEach((raw, index) => {
    const name = raw.trim();
    if (name === '') return;
    const column = columnAt.get(index) ?? null;
    columns.push({
      header: name,
      column,
      alias: column !== null && normalizeHeader(name) !== column,
    });
  });
  return { columns, problem };
}
