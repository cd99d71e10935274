import type { CsvRecord } from './csv-block.js';
import { DecimalMarks } from './decimal-marks.js';
import type { IssueLog } from './issue-log.js';
import { parseNumber, parseNumberIn } from './parse-number.js';

/** The checks a numeric column gets beyond being a number. */
export type NumberRule = 'latitude' | 'longitude' | 'non-negative' | 'any';

const TRUE = new Set(['true', '1', 'yes']);
const FALSE = new Set(['false', '0', 'no']);

/**
 * Reads and checks the cells of one record at a time, logging every problem against the record's
 * line. Empty cells are missing values, never errors: NaN for numbers, '' for text.
 *
 * Cells come as strings (`fields`) or as a {@link CsvRecord}'s offsets: the `…At` methods read
 * the latter straight from the block's text, and make a string only for a cell that needs one
 * (trimmed, unescaped, reported in an issue, or read by a rule the fast path does not cover).
 */
export class CellReader {
  readonly #log: IssueLog;
  readonly #decimalComma: boolean;
  readonly #numbers: DecimalMarks;
  /** Line of the record being read. */
  line = 0;
  /** The cell a `select…` call found: `source[from, to)`. */
  source = '';
  from = 0;
  to = 0;

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
    return this.#measure(this.raw(fields, index), column, rule);
  }

  #measure(cell: string, column: string, rule: NumberRule): number {
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
    return this.#flag(this.raw(fields, index), column);
  }

  #flag(cell: string, column: string): boolean {
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
    return this.#tags(this.text(fields, index), column);
  }

  #tags(cell: string, column: string): readonly string[] {
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
    this.#pair(this.raw(fields, lat) !== '', this.raw(fields, lon) !== '', labels);
  }

  /**
   * Finds a record's cell as {@link raw} trims it, in {@link source}/{@link from}/{@link to};
   * returns whether it is non-empty.
   */
  selectRaw(record: CsvRecord, index: number): boolean {
    if (index < 0 || index >= record.length) {
      this.source = '';
      this.from = 0;
      this.to = 0;
      return false;
    }
    const block = record.block;
    const f = record.first + index;
    const text = block.text;
    const start = block.starts[f]!;
    const end = block.ends[f]!;
    if (block.escaped[f] === 0) {
      if (start === end) {
        this.source = text;
        this.from = start;
        this.to = end;
        return false;
      }
      // As raw(): a cell that starts and ends above space needs no trim.
      if (text.charCodeAt(start) > 32 && text.charCodeAt(end - 1) > 32) {
        this.source = text;
        this.from = start;
        this.to = end;
        return true;
      }
    }
    const cell = block.value(f);
    const n = cell.length;
    const trimmed =
      n === 0 || (cell.charCodeAt(0) > 32 && cell.charCodeAt(n - 1) > 32) ? cell : cell.trim();
    this.source = trimmed;
    this.from = 0;
    this.to = trimmed.length;
    return trimmed.length > 0;
  }

  /** {@link selectRaw} for a text cell: also drops the `'` before a formula-like value. */
  selectText(record: CsvRecord, index: number): boolean {
    if (!this.selectRaw(record, index)) return false;
    const from = this.from;
    const source = this.source;
    if (
      this.to - from > 1 &&
      source.charCodeAt(from) === 39 &&
      startsFormula(source.charCodeAt(from + 1))
    ) {
      this.from = from + 1;
    }
    return true;
  }

  /** The selected cell as a string. */
  selected(): string {
    const source = this.source;
    return this.from === 0 && this.to === source.length ? source : source.slice(this.from, this.to);
  }

  /** {@link text} of a record's cell. */
  textAt(record: CsvRecord, index: number): string {
    return this.selectText(record, index) ? this.selected() : '';
  }

  /** {@link measure} of a record's cell. */
  measureAt(record: CsvRecord, index: number, column: string, rule: NumberRule): number {
    if (!this.selectRaw(record, index)) return Number.NaN;
    // Amounts in a decimal-comma file go through DecimalMarks, which remembers how earlier
    // cells wrote their numbers; every other plain number is read here from its characters.
    if (!this.#decimalComma || rule === 'latitude' || rule === 'longitude') {
      const value = parseNumberIn(this.source, this.from, this.to, this.#decimalComma);
      if (
        rule === 'latitude'
          ? value >= -90 && value <= 90
          : rule === 'longitude'
            ? value >= -180 && value <= 180
            : rule === 'non-negative'
              ? value >= 0
              : !Number.isNaN(value)
      ) {
        return value;
      }
    }
    // Anything else (grouped digits, out of range, not a number) as a string: the slow path
    // also words the issue.
    return this.#measure(this.selected(), column, rule);
  }

  /** {@link flag} of a record's cell. */
  flagAt(record: CsvRecord, index: number, column: string): boolean {
    if (!this.selectRaw(record, index)) return false;
    const source = this.source;
    const from = this.from;
    const length = this.to - from;
    if (length === 1) {
      const c = source.charCodeAt(from);
      if (c === 48) return false;
      if (c === 49) return true;
    } else if (length === 4 && source.startsWith('true', from)) {
      return true;
    } else if (length === 5 && source.startsWith('false', from)) {
      return false;
    }
    return this.#flag(this.selected(), column);
  }

  /** {@link tags} of a record's cell. */
  tagsAt(record: CsvRecord, index: number, column: string): readonly string[] {
    return this.selectText(record, index) ? this.#tags(this.selected(), column) : NO_TAGS;
  }

  /** {@link pair} for a record. */
  pairAt(record: CsvRecord, lat: number, lon: number, labels: { lat: string; lon: string }): void {
    this.#pair(this.selectRaw(record, lat), this.selectRaw(record, lon), labels);
  }

  #pair(hasLat: boolean, hasLon: boolean, labels: { lat: string; lon: string }): void {
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
