import {
  CsvImportError,
  importAccountsCsv,
  importPlanCsv,
  importRepsCsv,
  type CsvInput,
  type ImportIssue,
  type Plan,
} from '@tessera/core';
import type { Dataset } from '@tessera/scenarios';
import { ApiError } from '../errors.js';

/** The files of one dataset, by the form part they came in; each is read once, streaming. */
export interface DatasetFiles {
  accounts: CsvInput;
  reps: CsvInput;
  baseline?: CsvInput | undefined;
}

export type DatasetFile = keyof DatasetFiles;

/** One rejected cell or row, as the API reports it: which file, where, and why. */
export interface DatasetIssue {
  file: DatasetFile;
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
}

/** How many issues (and warnings) a response lists; the rest are only counted. */
export const REPORTED_ISSUES = 100;

export interface ImportedDataset {
  dataset: Dataset;
  /** One line per kind: `accounts, column "owner": value "R9" names no rep … (3 rows: lines 7, 9, 12)`. */
  warnings: string[];
}

/**
 * Reads an uploaded dataset with core's importers: reps first, so accounts can be checked
 * against them, then accounts, then the baseline plan against both. All or nothing: any error
 * in any file throws one INVALID ApiError listing the errors of every file that could be read,
 * so a caller fixes them in one go.
 */
export async function importDataset(files: DatasetFiles): Promise<ImportedDataset> {
  const problems = new Problems();
  const reps = await problems.collect('reps', async () => importRepsCsv(files.reps));
  const accounts = await problems.collect('accounts', async () =>
    importAccountsCsv(files.accounts, reps ? { reps: reps.table } : {}),
  );
  let baseline: Plan | undefined;
  if (files.baseline !== undefined && reps && accounts) {
    const input = files.baseline;
    baseline =
      (await problems.collect('baseline', async () =>
        importPlanCsv(input, accounts.table, reps.table),
      )) ?? undefined;
  }
  problems.throwIfAny();
  // Both are set here: a failed import left a problem, and throwIfAny threw.
  const dataset = { accounts: accounts!.table, reps: reps!.table, baseline };
  return {
    dataset,
    warnings: warningLines([
      ['reps', reps!],
      ['accounts', accounts!],
    ]),
  };
}

class Problems {
  readonly #issues: DatasetIssue[] = [];
  #total = 0;
  #first: string | null = null;

  /** The import's value, or null after noting why the file cannot be imported. */
  async collect<T>(file: DatasetFile, run: () => Promise<T>): Promise<T | null> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof CsvImportError)) throw error;
      this.#first ??= `${file}: ${error.message}`;
      this.#total += error.issueCount;
      for (const issue of error.issues) {
        if (issue.severity !== 'error' || this.#issues.length >= REPORTED_ISSUES) continue;
        this.#issues.push(reported(file, issue));
      }
      return null;
    }
  }

  throwIfAny(): void {
    if (this.#first === null) return;
    throw new ApiError('INVALID', `the dataset was not imported: ${this.#first}`, {
      issues: this.#issues,
      total: this.#total,
    });
  }
}

function reported(file: DatasetFile, issue: ImportIssue): DatasetIssue {
  const { line, column, value, reason } = issue;
  return { file, line, column, value, reason };
}

/** What an import reports besides its table: its warnings, capped, and how many there were. */
interface ImportReport {
  issues: ImportIssue[];
  issueCount: number;
}

/** Lines listed per group of alike warnings before the rest are only counted. */
const LINES_SHOWN = 5;

/**
 * One line per kind of doubt: the same reason for the same value in the same column (a departed
 * owner on a thousand accounts) is told once, with how many rows and the first lines.
 */
function warningLines(imports: [DatasetFile, ImportReport][]): string[] {
  const groups = new Map<string, { file: DatasetFile; issue: ImportIssue; lines: number[] }>();
  let unlisted = 0;
  for (const [file, report] of imports) {
    unlisted += report.issueCount - report.issues.length;
    for (const issue of report.issues) {
      const key = JSON.stringify([file, issue.column, issue.value, issue.reason]);
      const group = groups.get(key);
      if (group) group.lines.push(issue.line);
      else groups.set(key, { file, issue, lines: [issue.line] });
    }
  }
  const lines = [...groups.values()].map(warningLine);
  const shown = lines.slice(0, REPORTED_ISSUES);
  const more = lines.length - shown.length;
  if (more > 0) shown.push(`… and ${more} more kinds of warning`);
  if (unlisted > 0) shown.push(`… and ${unlisted} more warnings not itemised`);
  return shown;
}

function warningLine(group: { file: DatasetFile; issue: ImportIssue; lines: number[] }): string {
  const { file, issue, lines } = group;
  const where = issue.column === null ? '' : `, column "${issue.column}"`;
  const value = issue.value === null ? '' : ` value ${JSON.stringify(issue.value)}`;
  if (lines.length === 1) return `${file} line ${lines[0]!}${where}:${value} ${issue.reason}`;
  const first = lines.slice(0, LINES_SHOWN).join(', ');
  const rows = `${lines.length} rows: lines ${first}${lines.length > LINES_SHOWN ? ', …' : ''}`;
  return `${file}${where}:${value} ${issue.reason} (${rows})`;
}
