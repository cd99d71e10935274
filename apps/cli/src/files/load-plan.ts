import {
  CsvImportError,
  importPlanCsv,
  MIN_PLAN_COVERAGE,
  planCoverage,
  type AccountTable,
  type ImportIssue,
  type Plan,
  type RepTable,
} from '@tessera/core';
import { CliError, type CliIO } from '../io.js';
import { openInput } from './open-input.js';

export interface LoadPlanOptions {
  /** The accounts file the plan is read against, named when the plan does not fit it. */
  accountsFile: string;
  /**
   * `plan`: a plan to measure; refused when it covers under half of the accounts, warned when
   * partial. `baseline`: today's alignment, which may leave accounts without owner (the
   * scenario run says how many).
   */
  role: 'plan' | 'baseline';
}

// The plan file's account column under each name core accepts for it.
const ACCOUNT_COLUMNS = new Set(['account_id', 'account', 'id']);

/**
 * Reads a plan CSV against the tables, with the file in every message; a plan that names
 * accounts the accounts file lacks, or covers few of them, is asked whether it is for another
 * dataset.
 */
export async function loadPlan(
  io: CliIO,
  path: string,
  tables: { accounts: AccountTable; reps: RepTable },
  options: LoadPlanOptions,
): Promise<Plan> {
  const { accounts, reps } = tables;
  let plan: Plan;
  try {
    plan = await importPlanCsv(await openInput(path, 'plan'), accounts, reps);
  } catch (error) {
    if (!(error instanceof CsvImportError)) throw error;
    const unknown = unknownAccounts(error, accounts);
    // A list of problems gets the count as a last line of its own; one problem, on its line.
    const separator = error.message.includes('\n') ? '\n' : '; ';
    const hint =
      unknown === null
        ? ''
        : `${separator}${path} names ${unknown.text} not in ${options.accountsFile}` +
          (unknown.count * 2 >= accounts.length ? ': is it for another dataset?' : '');
    throw new CliError(`${path}: ${error.message}${hint}`, { cause: error });
  }
  if (options.role === 'plan') checkCoverage(io, path, plan);
  return plan;
}

function checkCoverage(io: CliIO, path: string, plan: Plan): void {
  const coverage = planCoverage(plan);
  if (coverage.unassigned === 0) return;
  const covers = `${path} covers ${count(coverage.assigned)} of ${count(coverage.accounts)} accounts (${percent(coverage.share)})`;
  if (coverage.share < MIN_PLAN_COVERAGE)
    throw new CliError(`${covers}: is it for another dataset?`);
  io.stderr.write(
    `warning: ${covers}: the other ${count(coverage.unassigned)} count as unassigned\n`,
  );
}

/**
 * How many plan rows name an account the table lacks, as a count and as words ("10,000
 * accounts", or "at least 1,000 accounts" when the import kept only part of its problems), or
 * null for none.
 */
function unknownAccounts(
  error: CsvImportError,
  accounts: AccountTable,
): { count: number; text: string } | null {
  const isUnknown = (issue: ImportIssue): boolean =>
    issue.severity === 'error' &&
    issue.column !== null &&
    issue.value !== null &&
    ACCOUNT_COLUMNS.has(issue.column.trim().toLowerCase()) &&
    accounts.indexOf(issue.value) < 0;
  const errors = error.issues.filter((issue) => issue.severity === 'error');
  const unknown = errors.filter(isUnknown).length;
  if (unknown === 0) return null;
  const noun = (n: number): string => `${count(n)} account${n === 1 ? '' : 's'}`;
  // Only the first problems are kept; when all of them are unknown accounts, so is the rest.
  if (error.issueCount <= error.issues.length) return { count: unknown, text: noun(unknown) };
  if (unknown === errors.length) return { count: error.issueCount, text: noun(error.issueCount) };
  return { count: unknown, text: `at least ${noun(unknown)}` };
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A share as a percentage that never rounds a partial plan up to 100% or down to 0%. */
function percent(share: number): string {
  const value = Math.round(share * 1000) / 10;
  const shown = share < 1 && value >= 100 ? 99.9 : share > 0 && value <= 0 ? 0.1 : value;
  return `${shown}%`;
}
