/**
 * FNV-1a over the UTF-16 code units of `text[start, end)`, its high bits folded down: the table
 * indexes by the low bits, which plain FNV mixes poorly.
 */
export function hashSpan(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** What a {@link SpanTable} keys its entries by: entry `k`'s text, compared with a span. */
export interface SpanKeys {
  keyEquals(entry: number, text: string, start: number, end: number): boolean;
}

/**
 * An open-addressing hash index of entries 0, 1, 2 … (dictionary codes, row numbers) by their
 * text, looked up with a slice of a larger string (a CSV block) so a cell is found without a
 * string being made for it. The text itself stays with the owner ({@link SpanKeys}); the table
 * holds a slot array and one hash per entry: 12 bytes an entry at worst, well under a Map's.
 */
export class SpanTable {
  readonly #keys: SpanKeys;
  /** Per slot: entry + 1 (0 for empty), then the entry's hash, side by side so a probe that
   * misses reads one cache line. */
  #slots: Int32Array;
  #hashes: Int32Array;
  #mask: number;
  #size = 0;

  constructor(keys: SpanKeys, expected = 16) {
    this.#keys = keys;
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.#slots = new Int32Array(capacity * 2);
    this.#mask = capacity - 1;
    this.#hashes = new Int32Array(Math.max(8, expected));
  }

  get size(): number {
    return this.#size;
  }

  /** The entry whose text equals `text[start, end)` (hash from {@link hashSpan}), or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const slot = slots[2 * s]!;
      if (slot === 0) return -1;
      if (slots[2 * s + 1] === hash && this.#keys.keyEquals(slot - 1, text, start, end)) {
        return slot - 1;
      }
    }
  }

  /** Adds the next entry (its number is the current size) under its text's hash. */
  add(hash: number): number {
    const entry = this.#size++;
    if (entry === this.#hashes.length) {
      const grown = new Int32Array(this.#hashes.length * 2);
      grown.set(this.#hashes);
      this.#hashes = grown;
    }
    this.#hashes[entry] = hash;
    if (this.#size * 2 > this.#mask + 1) this.#rehash((this.#mask + 1) * 2);
    else this.#place(entry, hash);
    return entry;
  }

  #place(entry: number, hash: number): void {
    const slots = this.#slots;
    const mask = this.#mask;
    let s = hash & mask;
    while (slots[2 * s] !== 0) s = (s + 1) & mask;
    slots[2 * s] = entry + 1;
    slots[2 * s + 1] = hash;
  }

  #rehash(capacity: number): void {
    this.#slots = new Int32Array(capacity * 2);
    this.#mask = capacity - 1;
    for (let entry = 0; entry < this.#size; entry++) this.#place(entry, this.#hashes[entry]!);
  }
}

/** Whether `value` equals `text[start, end)`. */
export function equalsSpan(value: string, text: string, start: number, end: number): boolean {
  const n = end - start;
  if (value.length !== n) return false;
  for (let i = 0; i < n; i++) if (value.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** A slice of a string, refilled in place: a cell handed to a builder without being copied. */
export class TextSpan {
  text = '';
  start = 0;
  end = 0;

  set(text: string, start: number, end: number): void {
    this.text = text;
    this.start = start;
    this.end = end;
  }

  get length(): number {
    return this.end - this.start;
  }

  toString(): string {
    return this.start === 0 && this.end === this.text.length
      ? this.text
      : this.text.slice(this.start, this.end);
  }
}
