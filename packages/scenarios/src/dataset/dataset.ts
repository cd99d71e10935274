import {
  AccountTable,
  collectBuffers,
  Plan,
  RepTable,
  type AccountTableData,
  type BlockSet,
  type PlanData,
  type RepTableData,
} from '@tessera/core';

/** What a scenario applies to: the accounts, the reps and today's alignment. */
export interface Dataset {
  readonly accounts: AccountTable;
  readonly reps: RepTable;
  /** Today's alignment; defaults to each account with its `owner`. */
  readonly baseline?: Plan | undefined;
  /**
   * The dataset's own building blocks (a boundaries file such as NUTS regions): strategies get
   * them as `ctx.blocks`, metrics count pieces on them. Stays with the caller: a worker run
   * gets US counties and states by name, not a boundaries file.
   */
  readonly blocks?: BlockSet | null;
}

/** A {@link Dataset} as plain typed arrays: what crosses to a worker. */
export interface DatasetData {
  accounts: AccountTableData;
  reps: RepTableData;
  baseline?: PlanData | undefined;
}

export function datasetToData(dataset: Dataset): DatasetData {
  return {
    accounts: dataset.accounts.toData(),
    reps: dataset.reps.toData(),
    baseline: dataset.baseline?.toData(),
  };
}

export function datasetFromData(data: DatasetData): Dataset {
  return {
    accounts: new AccountTable(data.accounts),
    reps: new RepTable(data.reps),
    baseline: data.baseline ? Plan.fromData(data.baseline) : undefined,
  };
}

/**
 * Every buffer behind a dataset, each once: pass them to `postMessage` (or comlink's
 * `transfer`) and a million rows move to a worker without a copy. The sender's arrays are
 * detached afterwards.
 */
export function datasetTransferables(data: DatasetData): ArrayBuffer[] {
  return collectBuffers(data);
}
