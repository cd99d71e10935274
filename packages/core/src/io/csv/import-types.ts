/**
 * What a CSV importer reads: a whole file as text or bytes, or a stream of chunks (a Node
 * `fs.createReadStream`, a `ReadableStream` from `File.stream()`, an array of strings).
 * Bytes must be UTF-8; chunks may split a line, a quoted field or a character anywhere.
 */
export type CsvInput = string | Uint8Array | AsyncIterable<string | Uint8Array> | Iterable<string>;

/** One problem found in a CSV file. */
export interface ImportIssue {
  /** 1-based physical line where the record starts (the header is line 1). */
  line: number;
  /** The column as its header is written in the file, or null when the whole row is at fault. */
  column: string | null;
  /** The offending cell, or null when the problem is a missing value. */
  value: string | null;
  /** Reads after `value "…"`, e.g. `is outside -90..90`. */
  reason: string;
  /** Errors reject the row; warnings keep it. */
  severity: 'error' | 'warning';
}

/** What an import gives back when nothing stopped it. */
export interface ImportResult<T> {
  table: T;
  /** Issues in file order, at most {@link ISSUE_LIMIT} of each severity. */
  issues: ImportIssue[];
  /** Every issue found, including those left out of `issues`. */
  issueCount: number;
  /** Data records in the file (blank lines and the header not counted). */
  rowsRead: number;
  rowsImported: number;
}

export interface ImportOptions {
  /** Import the good rows and report the bad ones instead of importing nothing. */
  skipInvalid?: boolean;
  signal?: AbortSignal;
  /** Called after each block of rows with the number of records read so far. */
  onProgress?: (rowsRead: number) => void;
}

/** How many issues of each severity a report keeps; the rest are only counted. */
export const ISSUE_LIMIT = 1000;
