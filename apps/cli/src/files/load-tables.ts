import {
  CsvImportError,
  importAccountsCsv,
  importRepsCsv,
  type AccountTable,
  type RepTable,
} from '@tessera/core';
import { CliError, type CliIO } from '../io.js';
import { createProgress } from '../progress.js';
import { openInput } from './open-input.js';
import { reportIssues } from './report-issues.js';

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
    // Skipping every row would go on to a plan with every account unassigned, blamed on
    // something else: no rep is the problem to name.
    if (result.table.length === 0 && result.rowsRead > 0) {
      throw new CliError(
        `${files.reps}: no rep left: all ${result.rowsRead.toLocaleString('en-US')} rows were invalid and skipped`,
      );
    }
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

async function withFile<T>(path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof CsvImportError)
      throw new CliError(`${path}: ${error.message}`, { cause: error });
    throw error;
  }
}
