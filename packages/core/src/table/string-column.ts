import type { SpanKeys } from './span-table.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The transferable form of a {@link StringColumn}. */
export interface StringColumnData {
  bytes: Uint8Array;
  offsets: Uint32Array;
}

/**
 * Unique per-row strings (ids, names) packed as UTF-8 bytes plus offsets, so a million of them
 * move to a worker as two buffers instead of a million structured-cloned strings.
 */
export class StringColumn {
  readonly bytes: Uint8Array;
  /** `offsets[i]..offsets[i + 1]` is row i's slice of `bytes`; length is rows + 1. */
  readonly offsets: Uint32Array;
  #decoded: string[] | undefined;

  constructor(data: StringColumnData) {
    this.bytes = data.bytes;
    this.offsets = data.offsets;
  }

  static from(values: readonly string[]): StringColumn {
    const builder = new StringColumnBuilder(values.length);
    for (const value of values) builder.push(value);
    return builder.finish();
  }

  get length(): number {
    return this.offsets.length - 1;
  }

  get(i: number): string {
    if (this.#decoded) return this.#decoded[i]!;
    return decoder.decode(this.bytes.subarray(this.offsets[i], this.offsets[i + 1]));
  }

  /** All values as strings, decoded once and cached: the fast path for whole-column scans. */
  values(): readonly string[] {
    if (!this.#decoded) {
      const out = new Array<string>(this.length);
      const all = decoder.decode(this.bytes);
      if (all.length === this.bytes.length) {
        // Pure ASCII: byte offsets are character offsets, so slicing one decoded string is exact.
        for (let i = 0; i < out.length; i++)
          out[i] = all.slice(this.offsets[i], this.offsets[i + 1]);
      } else {
        for (let i = 0; i < out.length; i++) {
          out[i] = decoder.decode(this.bytes.subarray(this.offsets[i], this.offsets[i + 1]));
        }
      }
      this.#decoded = out;
    }
    return this.#decoded;
  }

  data(): StringColumnData {
    return { bytes: this.bytes, offsets: this.offsets };
  }
}

/** Appends strings into a growing byte buffer; `finish()` trims it to size. */
export class StringColumnBuilder implements SpanKeys {
  #bytes: Uint8Array;
  #offsets: Uint32Array;
  #count = 0;
  #used = 0;

  constructor(expectedRows = 1024) {
    this.#offsets = new Uint32Array(Math.max(16, expectedRows + 1));
    this.#bytes = new Uint8Array(Math.max(256, expectedRows * 8));
  }

  get length(): number {
    return this.#count;
  }

  push(value: string): void {
    this.pushSpan(value, 0, value.length);
  }

  /** Pushes `text[start, end)` without making a string of it when it is ASCII. */
  pushSpan(text: string, start: number, end: number): void {
    const length = end - start;
    // A UTF-16 code unit takes at most 3 UTF-8 bytes.
    const worst = length * 3;
    if (this.#used + worst > this.#bytes.length) {
      const grown = new Uint8Array(Math.max(this.#bytes.length * 2, this.#used + worst));
      grown.set(this.#bytes.subarray(0, this.#used));
      this.#bytes = grown;
    }
    if (this.#count + 2 > this.#offsets.length) {
      const grown = new Uint32Array(this.#offsets.length * 2);
      grown.set(this.#offsets);
      this.#offsets = grown;
    }
    const bytes = this.#bytes;
    const used = this.#used;
    let ascii = true;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(start + i);
      if (c > 127) {
        ascii = false;
        break;
      }
      bytes[used + i] = c;
    }
    const written = ascii
      ? length
      : encoder.encodeInto(text.slice(start, end), bytes.subarray(used)).written;
    this.#used += written;
    this.#count++;
    this.#offsets[this.#count] = this.#used;
  }

  /** Whether row `row` holds `text[start, end)`: {@link SpanKeys} for an index of the rows. */
  keyEquals(row: number, text: string, start: number, end: number): boolean {
    const from = this.#offsets[row]!;
    const size = this.#offsets[row + 1]! - from;
    const length = end - start;
    if (size === length) {
      // As many bytes as characters: the row is ASCII, so a character is a byte.
      const bytes = this.#bytes;
      for (let i = 0; i < length; i++) {
        if (bytes[from + i] !== text.charCodeAt(start + i)) return false;
      }
      return true;
    }
    if (size < length) return false;
    return decoder.decode(this.#bytes.subarray(from, from + size)) === text.slice(start, end);
  }

  finish(): StringColumn {
    return new StringColumn({
      bytes: this.#bytes.slice(0, this.#used),
      offsets: this.#offsets.slice(0, this.#count + 1),
    });
  }
}
