import { TesseraError } from '../../errors/tessera-error.js';
import type { ImportIssue } from './import-types.js';

/** `line 12, column "lat": value "95" is outside -90..90` */
export function formatIssue(issue: ImportIssue): string {
  const where =
    issue.column === null ? `line ${issue.line}` : `line ${issue.line}, column "${issue.column}"`;
  const value = issue.value === null ? '' : `value "${shorten(issue.value)}" `;
  return `${where}: ${value}${issue.reason}`;
}

function shorten(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

/** How many problems an error message lists before it just counts the rest. */
export const LISTED_ISSUES = 5;

/**
 * The message for a set of problems. One problem is one line; several give a summary line,
 * then up to {@link LISTED_ISSUES} of them (errors first, as they decide the outcome, shown in
 * file order) one per line, then how many more there are:
 *
 * ```text
 * 7 problems in the file:
 *   line 3, column "lat": value "95" is outside -90..90
 *   …
 *   (and 2 more problems)
 * ```
 */
export function describeIssues(issues: readonly ImportIssue[], issueCount: number): string {
  const errors = issues.filter((i) => i.severity === 'error');
  if (issueCount <= 1 || issues.length === 0) {
    const first = errors[0] ?? issues[0];
    return first ? formatIssue(first) : 'the CSV file is invalid';
  }
  const warnings = issues.filter((i) => i.severity === 'warning');
  const listed = [...errors.slice(0, LISTED_ISSUES)];
  listed.push(...warnings.slice(0, LISTED_ISSUES - listed.length));
  listed.sort((a, b) => a.line - b.line);
  const lines = [`${count(issueCount)} problems in the file:`];
  for (const issue of listed) {
    lines.push(`  ${formatIssue(issue)}${issue.severity === 'warning' ? ' (warning)' : ''}`);
  }
  const more = issueCount - listed.length;
  if (more > 0) lines.push(`  (and ${count(more)} more problem${more === 1 ? '' : 's'})`);
  return lines.join('\n');
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * A CSV file that cannot be imported. The message lists the first few problems (see
 * {@link describeIssues}); `issues` lists them all (up to the report limit) and `issueCount`
 * counts every one.
 */
export class CsvImportError extends TesseraError {
  readonly issues: ImportIssue[];
  readonly issueCount: number;

  constructor(issues: ImportIssue[], issueCount: number = issues.length) {
    super('CSV_INVALID', describeIssues(issues, issueCount));
    this.name = 'CsvImportError';
    this.issues = issues;
    this.issueCount = issueCount;
  }
}

/** Shorthand for a problem that stops an import before any row is read (line 1, the header). */
export function headerError(column: string | null, reason: string, line = 1): CsvImportError {
  return new CsvImportError([{ line, column, value: null, reason, severity: 'error' }]);
}
