// A module constant, not the global: a global read in a hot push costs a deopt the first time.
const MISSING = Number.NaN;

/** A Float64Array that grows by doubling while a table is built; NaN marks a missing value. */
export class Float64Builder {
  #values: Float64Array;
  #count = 0;

  constructor(expectedRows = 1024) {
    this.#values = new Float64Array(Math.max(16, expectedRows));
  }

  push(value: number | null | undefined): void {
    if (this.#count === this.#values.length) {
      const grown = new Float64Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#count++] = value ?? MISSING;
  }

  finish(): Float64Array {
    return this.#values.slice(0, this.#count);
  }
}

/** A Uint8Array of flags that grows by doubling while a table is built. */
export class FlagBuilder {
  #values: Uint8Array;
  #count = 0;

  constructor(expectedRows = 1024) {
    this.#values = new Uint8Array(Math.max(16, expectedRows));
  }

  push(value: boolean | null | undefined): void {
    if (this.#count === this.#values.length) {
      const grown = new Uint8Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#count++] = value ? 1 : 0;
  }

  finish(): Uint8Array {
    return this.#values.slice(0, this.#count);
  }
}
