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
    reportIssues(io, files.reps, result.issues);
    return result.table;
  });
  const accounts = await withFile(files.accounts, async () => {
    const result = await importAccountsCsv(await openInput(files.accounts, 'accounts'), {
      ...options,
      reps,
    });
    reportIssues(io, files.accounts, result.issues);
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
    if (error instanceof CsvImportError) throw new CliError(`${path}: ${error.message}`, { cause: error });
    throw error;
  }
}

const SHOWN_ISSUES = 5;

/** Warnings and skipped rows go to stderr: a few in full, then a count. */
function reportIssues(io: CliIO, path: string, issues: readonly ImportIssue[]): void {
  for (const issue of issues.slice(0, SHOWN_ISSUES)) {
    const where = issue.column ? `line ${issue.line}, column "${issue.column}"` : `line ${issue.line}`;
    const verb = issue.severity === 'error' ? 'skipped' : 'warning';
    io.stderr.write(`${path}: ${where}: ${verb}: ${issue.reason}\n`);
  }
  if (issues.length > SHOWN_ISSUES) {
    io.stderr.write(`${path}: … and ${issues.length - SHOWN_ISSUES} more\n`);
  }
}
