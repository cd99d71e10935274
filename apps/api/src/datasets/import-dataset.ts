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
  /** One line each, e.g. `accounts line 7, column "owner": value "R9" names no rep …`. */
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

function warningLines(imports: [DatasetFile, ImportReport][]): string[] {
  const lines: string[] = [];
  let total = 0;
  for (const [file, report] of imports) {
    total += report.issueCount;
    for (const issue of report.issues) {
      if (lines.length < REPORTED_ISSUES) lines.push(warningLine(file, issue));
    }
  }
  if (total > lines.length) lines.push(`… and ${total - lines.length} more warnings`);
  return lines;
}

function warningLine(file: DatasetFile, issue: ImportIssue): string {
  const where = issue.column === null ? '' : `, column "${issue.column}"`;
  const value = issue.value === null ? '' : ` value ${JSON.stringify(issue.value)}`;
  return `${file} line ${issue.line}${where}:${value} ${issue.reason}`;
}
