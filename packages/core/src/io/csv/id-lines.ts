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
