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

/** Builds a {@link CategoryColumn} row by row; empty strings count as missing. */
export class CategoryColumnBuilder {
  #codes: Int32Array;
  #count = 0;
  readonly #dictionary: string[] = [];
  readonly #lookup = new Map<string, number>();

  constructor(expectedRows = 1024) {
    this.#codes = new Int32Array(Math.max(16, expectedRows));
  }

  push(value: string | null | undefined): void {
    if (this.#count === this.#codes.length) {
      const grown = new Int32Array(this.#codes.length * 2);
      grown.set(this.#codes);
      this.#codes = grown;
    }
    this.#codes[this.#count++] = value == null || value === '' ? -1 : this.encode(value);
  }

  /** The code for a value, adding it to the dictionary if new. */
  encode(value: string): number {
    let code = this.#lookup.get(value);
    if (code === undefined) {
      code = this.#dictionary.length;
      this.#dictionary.push(value);
      this.#lookup.set(value, code);
    }
    return code;
  }

  finish(): CategoryColumn {
    return new CategoryColumn({
      codes: this.#codes.slice(0, this.#count),
      dictionary: this.#dictionary,
    });
  }
}
