/** The transferable form of a {@link TagColumn}. */
export interface TagColumnData {
  offsets: Uint32Array;
  codes: Int32Array;
  dictionary: string[];
}

/**
 * A multi-valued, dictionary-encoded column (a rep's skills, an account's required skills):
 * row i holds `codes[offsets[i]..offsets[i + 1]]`, sorted and without duplicates.
 */
export class TagColumn {
  readonly offsets: Uint32Array;
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
  #lookup: Map<string, number> | undefined;

  constructor(data: TagColumnData) {
    this.offsets = data.offsets;
    this.codes = data.codes;
    this.dictionary = data.dictionary;
  }

  static from(values: readonly (readonly string[])[]): TagColumn {
    const builder = new TagColumnBuilder(values.length);
    for (const tags of values) builder.push(tags);
    return builder.finish();
  }

  get length(): number {
    return this.offsets.length - 1;
  }

  /** The tags of row i, in dictionary order. */
  get(i: number): string[] {
    const out: string[] = [];
    for (let k = this.offsets[i]!; k < this.offsets[i + 1]!; k++)
      out.push(this.dictionary[this.codes[k]!]!);
    return out;
  }

  /** Whether row i holds the tag with this dictionary code. */
  has(i: number, code: number): boolean {
    for (let k = this.offsets[i]!; k < this.offsets[i + 1]!; k++)
      if (this.codes[k] === code) return true;
    return false;
  }

  codeOf(tag: string): number {
    this.#lookup ??= new Map(this.dictionary.map((v, i) => [v, i]));
    return this.#lookup.get(tag) ?? -1;
  }

  data(): TagColumnData {
    return { offsets: this.offsets, codes: this.codes, dictionary: [...this.dictionary] };
  }
}

export class TagColumnBuilder {
  #offsets: Uint32Array;
  #codes: Int32Array;
  #rows = 0;
  #used = 0;
  readonly #dictionary: string[] = [];
  readonly #lookup = new Map<string, number>();

  constructor(expectedRows = 1024) {
    this.#offsets = new Uint32Array(Math.max(16, expectedRows + 1));
    this.#codes = new Int32Array(Math.max(16, expectedRows));
  }

  push(tags: readonly string[]): void {
    if (this.#rows + 2 > this.#offsets.length) {
      const grown = new Uint32Array(this.#offsets.length * 2);
      grown.set(this.#offsets);
      this.#offsets = grown;
    }
    if (tags.length === 0) {
      this.#rows++;
      this.#offsets[this.#rows] = this.#used;
      return;
    }
    // Most rows hold zero or one tag: skip the dedupe-and-sort work for them.
    const codes =
      tags.length === 0
        ? []
        : tags.length === 1
          ? tags[0] === ''
            ? []
            : [this.#encode(tags[0]!)]
          : [...new Set(tags.filter((t) => t !== '').map((tag) => this.#encode(tag)))].sort(
              (a, b) => a - b,
            );
    if (this.#used + codes.length > this.#codes.length) {
      const grown = new Int32Array(Math.max(this.#codes.length * 2, this.#used + codes.length));
      grown.set(this.#codes.subarray(0, this.#used));
      this.#codes = grown;
    }
    this.#codes.set(codes, this.#used);
    this.#used += codes.length;
    this.#rows++;
    this.#offsets[this.#rows] = this.#used;
  }

  #encode(tag: string): number {
    let code = this.#lookup.get(tag);
    if (code === undefined) {
      code = this.#dictionary.length;
      this.#dictionary.push(tag);
      this.#lookup.set(tag, code);
    }
    return code;
  }

  finish(): TagColumn {
    return new TagColumn({
      offsets: this.#offsets.slice(0, this.#rows + 1),
      codes: this.#codes.slice(0, this.#used),
      dictionary: this.#dictionary,
    });
  }
}
