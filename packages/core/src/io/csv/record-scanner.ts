import type { CsvDialect } from './csv-dialect.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/**
 * Finds where complete records end in a growing text buffer, so a stream can be parsed piece by
 * piece without ever cutting inside a quoted field. It follows papaparse's reading of quotes: a
 * quote opens a quoted field only at the start of a field, and closes it only when followed
 * (after optional spaces) by a delimiter or a line break; a doubled quote is a literal quote.
 *
 * State survives between calls, so each character is looked at once however the text arrives,
 * and it jumps from quote to quote with `indexOf` rather than walking every character.
 */
export class RecordScanner {
  readonly #delimiter: number;
  readonly #newline: string;
  #pos = 0;
  #inQuotes = false;

  constructor(dialect: CsvDialect) {
    this.#delimiter = dialect.delimiter.charCodeAt(0);
    this.#newline = dialect.newline;
  }

  /**
   * Scans `text` (the buffer so far: earlier text plus what just arrived) and returns the index
   * of the last record-ending line break in it, or -1 when no record is complete yet.
   */
  scan(text: string): number {
    const n = text.length;
    let pos = this.#pos;
    let inQuotes = this.#inQuotes;
    let last = -1;
    while (pos < n) {
      if (inQuotes) {
        const q = text.indexOf('"', pos);
        if (q < 0) {
          pos = n;
          break;
        }
        if (q + 1 >= n) {
          pos = q; // the next character decides whether this quote closes the field
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          pos = q + 2;
          continue;
        }
        const closes = this.#closes(text, q + 1);
        if (closes === null) {
          pos = q;
          break;
        }
        if (closes) inQuotes = false;
        pos = q + 1;
        continue;
      }
      const q = text.indexOf('"', pos);
      const end = q < 0 ? n : q;
      const brk = this.#lastBreak(text, pos, end);
      if (brk >= 0) last = brk;
      if (q < 0) {
        // Keep a trailing "\r" of a "\r\n" file unscanned: its "\n" may be in the next chunk.
        pos = this.#newline === '\r\n' && text.charCodeAt(n - 1) === CR ? n - 1 : n;
        break;
      }
      if (q === 0 || this.#startsField(text.charCodeAt(q - 1))) inQuotes = true;
      pos = q + 1;
    }
    this.#pos = pos;
    this.#inQuotes = inQuotes;
    return last;
  }

  /** The caller dropped the first `count` characters of its buffer. */
  consumed(count: number): void {
    this.#pos = Math.max(0, this.#pos - count);
  }

  #lastBreak(text: string, from: number, to: number): number {
    const nl = this.#newline;
    const at = text.lastIndexOf(nl, to - nl.length);
    return at >= from && at + nl.length <= to ? at : -1;
  }

  #startsField(previous: number): boolean {
    return previous === this.#delimiter || previous === LF || previous === CR;
  }

  /** Whether a quote whose next character is at `at` closes its field; null: can't tell yet. */
  #closes(text: string, at: number): boolean | null {
    let i = at;
    while (i < text.length && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
    if (i >= text.length) return null;
    const c = text.charCodeAt(i);
    return c === this.#delimiter || c === LF || c === CR;
  }
}
