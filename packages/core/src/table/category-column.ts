import { equalsSpan, hashSpan, SpanTable, type SpanKeys } from './span-table.js';

/** The transferable form of a {@link CategoryColumn}. */
export interface CategoryColumnData {
  codes: Int32Array;
  dictionary: string[];
}

/**
 * A dictionary-encoded string column (industry, region, owner …): one Int32 code per row
 * into a small dictionary of distinct values; `-1` means missing.
 */
export class CategoryColumn {
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
  #lookup: Map<string, number> | undefined;

  constructor(data: CategoryColumnData) {
    this.codes = data.codes;
    this.dictionary = data.dictionary;
  }

  static from(values: readonly (string | null | undefined)[]): CategoryColumn {
    const builder = new CategoryColumnBuilder(values.length);
    for (const value of values) builder.push(value);
    return builder.finish();
  }

  get length(): number {
    return this.codes.length;
  }

  /** The value of row i, or `null` when missing. */
  get(i: number): string | null {
    const code = this.codes[i]!;
    return code < 0 ? null : this.dictionary[code]!;
  }

  /** The code of a dictionary value, or `-1` when no row has it. */
  codeOf(value: string): number {
    this.#lookup ??= new Map(this.dictionary.map((v, i) => [v, i]));
    return this.#lookup.get(value) ?? -1;
  }

  data(): CategoryColumnData {
    return { codes: this.codes, dictionary: [...this.dictionary] };
  }
}

/**
 * Builds a {@link CategoryColumn} row by row; empty strings count as missing. Values can come as
 * slices of a larger text ({@link pushSpan}): a value already in the dictionary is then found by
 * its characters, and only a new one becomes a string.
 */
export class CategoryColumnBuilder implements SpanKeys {
  #codes: Int32Array;
  #count = 0;
  readonly #dictionary: string[] = [];
  readonly #lookup = new SpanTable(this);
  /**
   * The last code seen per cheap key (length, first, middle and last character): most columns
   * hold a handful of values, found here without hashing the whole cell. A column where it
   * keeps missing (postal codes) stops using it.
   */
  #recent: Int32Array | null = new Int32Array(256).fill(-1);
  #recentMisses = 0;

  constructor(expectedRows = 1024) {
    this.#codes = new Int32Array(Math.max(16, expectedRows));
  }

  push(value: string | null | undefined): void {
    if (value == null) this.pushSpan('', 0, 0);
    else this.pushSpan(value, 0, value.length);
  }

  /** Pushes `text[start, end)`; an empty span is missing. Returns the code (-1: missing). */
  pushSpan(text: string, start: number, end: number): number {
    if (this.#count === this.#codes.length) {
      const grown = new Int32Array(this.#codes.length * 2);
      grown.set(this.#codes);
      this.#codes = grown;
    }
    const code = start === end ? -1 : this.#encodeRecent(text, start, end);
    this.#codes[this.#count++] = code;
    return code;
  }

  #encodeRecent(text: string, start: number, end: number): number {
    const recent = this.#recent;
    if (recent === null) return this.encodeSpan(text, start, end);
    const n = end - start;
    const key =
      (n * 7 +
        text.charCodeAt(start) * 31 +
        text.charCodeAt(start + (n >> 1)) * 3 +
        text.charCodeAt(end - 1)) &
      255;
    const cached = recent[key]!;
    if (cached >= 0 && equalsSpan(this.#dictionary[cached]!, text, start, end)) return cached;
    const code = this.encodeSpan(text, start, end);
    recent[key] = code;
    if (++this.#recentMisses > 2048 && this.#recentMisses * 4 > this.#count) this.#recent = null;
    return code;
  }

  /** The code for a value, adding it to the dictionary if new. */
  encode(value: string): number {
    return this.encodeSpan(value, 0, value.length);
  }

  /** The code for `text[start, end)`, adding it to the dictionary if new. */
  encodeSpan(text: string, start: number, end: number): number {
    const hash = hashSpan(text, start, end);
    const code = this.#lookup.find(text, start, end, hash);
    if (code >= 0) return code;
    this.#dictionary.push(start === 0 && end === text.length ? text : text.slice(start, end));
    return this.#lookup.add(hash);
  }

  /** Whether dictionary value `code` is `text[start, end)`: {@link SpanKeys} for the lookup. */
  keyEquals(code: number, text: string, start: number, end: number): boolean {
    return equalsSpan(this.#dictionary[code]!, text, start, end);
  }

  finish(): CategoryColumn {
    return new CategoryColumn({
      codes: this.#codes.slice(0, this.#count),
      dictionary: this.#dictionary,
    });
  }
}
