import type { AccountTable, RepTable } from '@tessera/core';

/** The work to place: how much each account weighs, and what locks have placed already. */
export interface Work {
  /** Per account: its workload, or 1 for every account when the workloads total 0. */
  readonly weight: Float64Array;
  readonly total: number;
  /** True when every workload is 0 (or missing) and accounts are counted instead. */
  readonly byCount: boolean;
  /** Per account: its owner's rep index when it is locked to a known rep, else −1. */
  readonly lockedTo: Int32Array;
  /** Per rep: the weight of the accounts locked to it. */
  readonly lockedLoad: Float64Array;
  /** The accounts not locked to a known rep, in table order. */
  readonly free: Int32Array;
}

/**
 * Weighs the accounts as core's metrics do (missing, negative or infinite workload counts 0;
 * when the workloads total 0 every account counts 1) and sets the locked ones aside. A lock
 * whose owner is not among the reps cannot be honoured, so that account is free.
 */
export async function splitWork(
  accounts: AccountTable,
  reps: RepTable,
  locks: Uint8Array,
  pause?: () => Promise<void>,
): Promise<Work> {
  const n = accounts.length;
  const workload = accounts.workload;
  const weight = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = workload[i]!;
    if (w > 0 && w < Number.POSITIVE_INFINITY) {
      weight[i] = w;
      total += w;
    }
  }
  const byCount = total === 0;
  if (byCount) {
    weight.fill(1);
    total = n;
  }
  const ownerRep = Int32Array.from(accounts.owner.dictionary, (id) => reps.indexOf(id));
  const owners = accounts.owner.codes;
  const lockedTo = new Int32Array(n).fill(-1);
  const lockedLoad = new Float64Array(reps.length);
  const free = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (i % SLICE === SLICE - 1) await pause?.();
    const code = owners[i]!;
    const owner = code < 0 ? -1 : ownerRep[code]!;
    if (locks[i] === 1 && owner >= 0) {
      lockedTo[i] = owner;
      lockedLoad[owner]! += weight[i]!;
    } else {
      free[count++] = i;
    }
  }
  return { weight, total, byCount, lockedTo, lockedLoad, free: free.slice(0, count) };
}

/** Accounts handled between two pauses. */
const SLICE = 65_536;
