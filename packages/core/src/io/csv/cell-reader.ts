import { DecimalMarks } from './decimal-marks.js';
import type { IssueLog } from './issue-log.js';
import { parseNumber } from './parse-number.js';

/** The checks a numeric column gets beyond being a number. */
export type NumberRule = 'latitude' | 'longitude' | 'non-negative' | 'any';

const TRUE = new Set(['true', '1', 'yes']);
const FALSE = new Set(['false', '0', 'no']);

/**
 * Reads and checks the cells of one record at a time, logging every problem against the record's
 * line. Empty cells are missing values, never errors: NaN for numbers, '' for text.
 */
export class CellReader {
  readonly #log: IssueLog;
  readonly #decimalComma: boolean;
  readonly #numbers: DecimalMarks;
  /** Line of the record being read. */
  line = 0;

  constructor(log: IssueLog, decimalComma: boolean) {
    this.#log = log;
    this.#decimalComma = decimalComma;
    this.#numbers = new DecimalMarks(decimalComma);
  }

  /** The cell trimmed of surrounding white space, '' when the column or cell is absent. */
  raw(fields: readonly string[], index: number): string {
    if (index < 0 || index >= fields.length) return '';
    const cell = fields[index]!;
    const n = cell.length;
    if (n === 0 || (cell.charCodeAt(0) > 32 && cell.charCodeAt(n - 1) > 32)) return cell;
    return cell.trim();
  }

  /** A text cell, with the `'` that {@link escapeCsvCell} puts before a formula-like value removed. */
  text(fields: readonly string[], index: number): string {
    return unescapeFormula(this.raw(fields, index));
  }

  measure(fields: readonly string[], index: number, column: string, rule: NumberRule): number {
    const cell = this.raw(fields, index);
    if (cell === '') return Number.NaN;
    const numbers = this.#numbers;
    const value =
      rule === 'latitude' || rule === 'longitude'
        ? numbers.coordinate(cell)
        : numbers.amount(cell, this.line);
    if (Number.isNaN(value)) {
      this.#log.error(this.line, column, cell, numbers.problem ?? 'is not a number');
    } else if (rule === 'latitude' && (value < -90 || value > 90)) {
      this.#log.error(this.line, column, cell, 'is outside -90..90');
    } else if (rule === 'longitude' && (value < -180 || value > 180)) {
      this.#log.error(this.line, column, cell, 'is outside -180..180');
    } else if (rule === 'non-negative' && value < 0) {
      this.#log.error(this.line, column, cell, 'is negative');
    } else {
      return value;
    }
    return Number.NaN;
  }

  /**
   * A cell that is either a number or a label (a rep's level): the number when the cell reads
   * as one, otherwise the text as written ('' when empty). Never an error.
   */
  numberOrText(fields: readonly string[], index: number): number | string {
    const cell = this.text(fields, index);
    if (cell === '') return '';
    const value = parseNumber(cell, this.#decimalComma);
    return Number.isNaN(value) ? cell : value;
  }

  /** true/false, 1/0 or yes/no in any case; empty is false. */
  flag(fields: readonly string[], index: number, column: string): boolean {
    const cell = this.raw(fields, index);
    if (cell === '' || cell === 'false' || cell === '0') return false;
    if (cell === 'true' || cell === '1') return true;
    const lower = cell.toLowerCase();
    if (TRUE.has(lower)) return true;
    if (!FALSE.has(lower)) {
      this.#log.error(this.line, column, cell, 'is not true or false (also accepted: 1/0, yes/no)');
    }
    return false;
  }

  /** Semicolon-separated `prefix:value` tags; empty entries (a trailing `;`) are ignored. */
  tags(fields: readonly string[], index: number, column: string): readonly string[] {
    const cell = this.text(fields, index);
    if (cell === '') return NO_TAGS;
    const out: string[] = [];
    for (const part of cell.split(';')) {
      const tag = part.trim();
      if (tag === '') continue;
      const colon = tag.indexOf(':');
      const prefix = colon > 0 ? tag.slice(0, colon).trim() : '';
      const value = colon > 0 ? tag.slice(colon + 1).trim() : '';
      if (prefix === '' || value === '') {
        this.#log.error(
          this.line,
          column,
          cell,
          `has "${tag}", which is not a tag of the form prefix:value (e.g. industry:healthcare)`,
        );
        return NO_TAGS;
      }
      out.push(prefix.length + value.length + 1 === tag.length ? tag : `${prefix}:${value}`);
    }
    return out;
  }

  /** Logs an error when exactly one of lat and lon is given. */
  pair(
    fields: readonly string[],
    lat: number,
    lon: number,
    labels: { lat: string; lon: string },
  ): void {
    const hasLat = this.raw(fields, lat) !== '';
    const hasLon = this.raw(fields, lon) !== '';
    if (hasLat && !hasLon) {
      this.#log.error(this.line, labels.lon, null, `is empty while "${labels.lat}" has a value`);
    }
    if (hasLon && !hasLat) {
      this.#log.error(this.line, labels.lat, null, `is empty while "${labels.lon}" has a value`);
    }
  }
}

const NO_TAGS: readonly string[] = Object.freeze([]);

/** First characters a spreadsheet reads as the start of a formula. */
export function startsFormula(code: number): boolean {
  return code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === 13;
}

function unescapeFormula(cell: string): string {
  return cell.length > 1 && cell.charCodeAt(0) === 39 && startsFormula(cell.charCodeAt(1))
    ? cell.slice(1)
    : cell;
}
