import type { AccountTable, RepTable } from '@tessera/core';

/** A dataset after a scenario's edits: new tables, the source dataset untouched. */
export interface EditedDataset {
  /**
   * The accounts after the edits. `owner` is still today's owner (what continuity is measured
   * against); `locked` holds every account the strategy may not move, reassigned ones included.
   */
  readonly accounts: AccountTable;
  readonly reps: RepTable;
  /**
   * The accounts as the strategy sees them: a reassigned account's `owner` is the rep it was
   * given, and it is locked there. Shares every other column with {@link accounts}.
   */
  readonly strategyAccounts: AccountTable;
  /** The source dataset's accounts: runs on the same source line up by {@link sourceIndex}. */
  readonly sourceAccounts: AccountTable;
  /** For each account, its row in the source dataset; -1 for an added account. */
  readonly sourceIndex: Int32Array;
  /** One line per edit saying what it did, e.g. `edit 2 (scale): potential ×2 on 1,204 accounts`. */
  readonly log: readonly string[];
  /** What the planner should know: released locks, filters that matched nothing… */
  readonly warnings: readonly string[];
}
