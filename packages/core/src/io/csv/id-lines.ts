import type { IssueLog } from './issue-log.js';

/**
 * Remembers the line each id was first seen on, so a repeated id can name it. It leans on the
 * table builder's own id set for the common case: a million-row import then keeps one hash table
 * of ids, not two, and the id → line index is only built if a duplicate actually turns up.
 */
export class IdLines {
  readonly #pushed: (id: string) => boolean;
  readonly #ids: string[] = [];
  readonly #lines: number[] = [];
  #index: Map<string, number> | null = null;
  /** Ids of rows that were not imported: few, so indexed straight away. */
  readonly #rejected = new Map<string, number>();

  /** `pushed` tells whether the builder already holds an id. */
  constructor(pushed: (id: string) => boolean) {
    this.#pushed = pushed;
  }

  /** Logs an empty or repeated id on this line; `noun` names what lacks one ("account"). */
  check(log: IssueLog, line: number, column: string, id: string, noun: string): void {
    if (id === '') {
      log.error(line, column, null, `is empty: every ${noun} needs an id`);
      return;
    }
    const first = this.firstLine(id);
    if (first !== undefined) log.error(line, column, id, `appears twice (first on line ${first})`);
  }

  /** The line an id was first seen on, or undefined for a new id. */
  firstLine(id: string): number | undefined {
    if (this.#pushed(id)) {
      this.#index ??= new Map(this.#ids.map((value, row) => [value, row]));
      return this.#lines[this.#index.get(id)!];
    }
    return this.#rejected.get(id);
  }

  /** Records the id of a row that went into the table. */
  imported(id: string, line: number): void {
    this.#index?.set(id, this.#ids.length);
    this.#ids.push(id);
    this.#lines.push(line);
  }

  /** Records the id of a row that was rejected, so a later row with it still counts as repeated. */
  rejected(id: string, line: number): void {
    if (id !== '' && !this.#pushed(id) && !this.#rejected.has(id)) this.#rejected.set(id, line);
  }
}

/**
 * {@link IdLines} for a builder that can name the row holding an id, found by the id's
 * characters (AccountTableBuilder.rowOf): the line of each imported row is all it keeps, so the
 * duplicate check is one lookup in the builder and no id becomes a string unless it repeats.
 */
export class RowLines {
  readonly #rowOf: (text: string, start: number, end: number) => number;
  #lines = new Int32Array(1024);
  #count = 0;
  /** Ids of rows that were not imported: few, so kept as strings. */
  readonly #rejected = new Map<string, number>();

  constructor(rowOf: (text: string, start: number, end: number) => number) {
    this.#rowOf = rowOf;
  }

  /** Logs an empty or repeated id `text[start, end)` on this line. */
  check(
    log: IssueLog,
    line: number,
    column: string,
    noun: string,
    text: string,
    start: number,
    end: number,
  ): void {
    if (start === end) {
      log.error(line, column, null, `is empty: every ${noun} needs an id`);
      return;
    }
    const row = this.#rowOf(text, start, end);
    let first: number | undefined;
    if (row >= 0) first = this.#lines[row];
    else if (this.#rejected.size > 0) first = this.#rejected.get(text.slice(start, end));
    if (first !== undefined) {
      log.error(line, column, text.slice(start, end), `appears twice (first on line ${first})`);
    }
  }

  /** Records the line of the row just imported. */
  imported(line: number): void {
    if (this.#count === this.#lines.length) {
      const grown = new Int32Array(this.#lines.length * 2);
      grown.set(this.#lines);
      this.#lines = grown;
    }
    this.#lines[this.#count++] = line;
  }

  /** Records the id of a row that was rejected, so a later row with it still counts as repeated. */
  rejected(text: string, start: number, end: number, line: number): void {
    if (start === end || this.#rowOf(text, start, end) >= 0) return;
    const id = text.slice(start, end);
    if (!this.#rejected.has(id)) this.#rejected.set(id, line);
  }
}
