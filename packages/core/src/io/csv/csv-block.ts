/**
 * The records of one block of CSV text as field offsets into that text, so a reader can look at
 * cells without a string being made for each of them. Field `f` is `text[starts[f], ends[f])`:
 * quotes around a quoted field are left out, and `escaped[f]` is 1 when a doubled quote inside
 * it still has to be undone. Record `r` holds fields `firstField[r]` up to `firstField[r + 1]`.
 */
export class CsvBlock {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly escaped: Uint8Array;
  readonly firstField: Int32Array;
  /** The 1-based physical line each record starts on. */
  readonly lines: Int32Array;
  /** Records in the block, blank lines left out. */
  readonly length: number;
  /** Malformed records (a stray or unterminated quote), by record index, with the reason. */
  readonly faults: Map<number, string> | null;
  /** The line after the block's last one: where the next block starts. */
  readonly nextLine: number;

  constructor(parts: {
    text: string;
    starts: Int32Array;
    ends: Int32Array;
    escaped: Uint8Array;
    firstField: Int32Array;
    lines: Int32Array;
    length: number;
    faults: Map<number, string> | null;
    nextLine: number;
  }) {
    this.text = parts.text;
    this.starts = parts.starts;
    this.ends = parts.ends;
    this.escaped = parts.escaped;
    this.firstField = parts.firstField;
    this.lines = parts.lines;
    this.length = parts.length;
    this.faults = parts.faults;
    this.nextLine = parts.nextLine;
  }

  /** The value of field `f` as a string. */
  value(f: number): string {
    const cell = this.text.slice(this.starts[f], this.ends[f]);
    return this.escaped[f] === 1 ? cell.replaceAll('""', '"') : cell;
  }

  /** Record `r` as strings. */
  row(r: number): string[] {
    const out: string[] = [];
    for (let f = this.firstField[r]!; f < this.firstField[r + 1]!; f++) out.push(this.value(f));
    return out;
  }

  /** A cursor on record `r`. */
  record(r: number): CsvRecord {
    const record = new CsvRecord(this);
    record.moveTo(this, r);
    return record;
  }

  /** Records already split into strings (papaparse's output) in the same form. */
  static fromRows(
    rows: readonly (readonly string[])[],
    lines: readonly number[],
    faults: Map<number, string> | null,
    nextLine: number,
  ): CsvBlock {
    let fields = 0;
    for (const row of rows) fields += row.length;
    const starts = new Int32Array(fields);
    const ends = new Int32Array(fields);
    const firstField = new Int32Array(rows.length + 1);
    const parts: string[] = [];
    let at = 0;
    let f = 0;
    for (let r = 0; r < rows.length; r++) {
      firstField[r] = f;
      for (const value of rows[r]!) {
        parts.push(value);
        starts[f] = at;
        at += value.length;
        ends[f++] = at;
      }
    }
    firstField[rows.length] = f;
    return new CsvBlock({
      text: parts.join(''),
      starts,
      ends,
      escaped: new Uint8Array(fields),
      firstField,
      lines: Int32Array.from(lines),
      length: rows.length,
      faults,
      nextLine,
    });
  }
}

/** One record of a block, as a sink sees it: a cursor, moved on from record to record. */
export class CsvRecord {
  block: CsvBlock;
  /** Index of the record's first field in the block. */
  first = 0;
  /** Number of fields. */
  length = 0;

  constructor(block: CsvBlock) {
    this.block = block;
  }

  moveTo(block: CsvBlock, r: number): void {
    this.block = block;
    this.first = block.firstField[r]!;
    this.length = block.firstField[r + 1]! - this.first;
  }

  /** Field `i` as a string (allocates: cell readers read the offsets instead). */
  get(i: number): string {
    return this.block.value(this.first + i);
  }

  toArray(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.get(i));
    return out;
  }
}
