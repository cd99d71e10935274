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

/**
 * A CSV file that cannot be imported. The message names the first problem; `issues` lists them
 * all (up to the report limit) and `issueCount` counts every one.
 */
export class CsvImportError extends TesseraError {
  readonly issues: ImportIssue[];
  readonly issueCount: number;

  constructor(issues: ImportIssue[], issueCount: number = issues.length) {
    const first = issues.find((i) => i.severity === 'error') ?? issues[0];
    const head = first ? formatIssue(first) : 'the CSV file is invalid';
    const more = issueCount - 1;
    super(
      'CSV_INVALID',
      more > 0 ? `${head} (and ${more} more problem${more === 1 ? '' : 's'})` : head,
    );
    this.name = 'CsvImportError';
    this.issues = issues;
    this.issueCount = issueCount;
  }
}

/** Shorthand for a problem that stops an import before any row is read (line 1, the header). */
export function headerError(column: string | null, reason: string, line = 1): CsvImportError {
  return new CsvImportError([{ line, column, value: null, reason, severity: 'error' }]);
}
