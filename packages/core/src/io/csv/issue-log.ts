import { CsvImportError } from './import-error.js';
import { ISSUE_LIMIT, type ImportIssue } from './import-types.js';

/**
 * Collects the issues of one import. Errors and warnings are capped separately so a flood of
 * warnings (say every owner unknown) never hides the errors that decide the outcome.
 */
export class IssueLog {
  readonly #errors: ImportIssue[] = [];
  readonly #warnings: ImportIssue[] = [];
  readonly #limit: number;
  errorCount = 0;
  warningCount = 0;

  constructor(limit = ISSUE_LIMIT) {
    this.#limit = limit;
  }

  get total(): number {
    return this.errorCount + this.warningCount;
  }

  error(line: number, column: string | null, value: string | null, reason: string): void {
    if (this.errorCount++ < this.#limit) {
      this.#errors.push({ line, column, value, reason, severity: 'error' });
    }
  }

  warning(line: number, column: string | null, value: string | null, reason: string): void {
    if (this.warningCount++ < this.#limit) {
      this.#warnings.push({ line, column, value, reason, severity: 'warning' });
    }
  }

  /** Errors and warnings merged in file order (errors first on the same line). */
  issues(): ImportIssue[] {
    if (this.#warnings.length === 0) return [...this.#errors];
    if (this.#errors.length === 0) return [...this.#warnings];
    return [...this.#errors, ...this.#warnings].sort(
      (a, b) =>
        a.line - b.line || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
    );
  }

  /** The error to throw for an all-or-nothing import that found errors. */
  toError(): CsvImportError {
    return new CsvImportError(this.issues(), this.total);
  }
}
