import {
  CsvImportError,
  importAccountsCsv,
  importPlanCsv,
  importRepsCsv,
  type AccountTable,
  type ImportIssue,
  type Plan,
  type RepTable,
} from '@tessera/core';
import { CliError, type CliIO } from '../io.js';
import { createProgress } from '../progress.js';
import { openInput } from './open-input.js';

export interface LoadOptions {
  skipInvalid?: boolean;
}

/** Reads reps then accounts (so an owner naming no rep is reported), with the file in every message. */
export async function loadTables(
  io: CliIO,
  files: { accounts: string; reps: string },
  options: LoadOptions = {},
): Promise<{ accounts: AccountTable; reps: RepTable }> {
  const reps = await withFile(files.reps, async () => {
    const result = await importRepsCsv(await openInput(files.reps, 'reps'), options);
    reportIssues(io, files.reps, result.issues, result.issueCount);
    return result.table;
  });
  const accounts = await withFile(files.accounts, async () => {
    const progress = createProgress(io, 'reading accounts');
    const input = await openInput(files.accounts, 'accounts', (f) => {
      progress.update(f);
    });
    const result = await importAccountsCsv(input, { ...options, reps }).finally(() => {
      progress.stop();
    });
    reportIssues(io, files.accounts, result.issues, result.issueCount);
    return result.table;
  });
  return { accounts, reps };
}

export async function loadPlan(
  path: string,
  accounts: AccountTable,
  reps: RepTable,
): Promise<Plan> {
  return withFile(path, async () => importPlanCsv(await openInput(path, 'plan'), accounts, reps));
}

async function withFile<T>(path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof CsvImportError)
      throw new CliError(`${path}: ${error.message}`, { cause: error });
    throw error;
  }
}

/**
 * Warnings and skipped rows go to stderr as one line per kind of problem (how many, and the
 * first line that has it), so a file with thousands of stale owners stays readable.
 */
function reportIssues(
  io: CliIO,
  path: string,
  issues: readonly ImportIssue[],
  issueCount: number,
): void {
  const kinds = new Map<string, { first: ImportIssue; count: number }>();
  for (const issue of issues) {
    const key = `${issue.severity}\u0000${issue.column ?? ''}\u0000${issue.reason}`;
    const kind = kinds.get(key);
    if (kind) kind.count++;
    else kinds.set(key, { first: issue, count: 1 });
  }
  // The import keeps a bounded list of issues; with one kind of problem the total is exact.
  const capped = issueCount > issues.length;
  const single = kinds.size === 1;
  for (const kind of kinds.values()) {
    const { first } = kind;
    const count = capped && single ? issueCount : kind.count;
    const what =
      first.severity === 'error'
        ? `${count} row${count === 1 ? '' : 's'} skipped`
        : `${count} warning${count === 1 ? '' : 's'}`;
    const column = first.column ? `column "${first.column}" ` : '';
    const where = count === 1 ? `line ${first.line}` : `first on line ${first.line}`;
    io.stderr.write(`${path}: ${what}: ${column}${first.reason} (${where})\n`);
  }
  if (capped && !single) {
    io.stderr.write(
      `${path}: ${issueCount} problems in all; the counts above cover the first ${issues.length}\n`,
    );
  }
}
