import {
  planToCsv,
  runStrategy,
  type AccountTable,
  type Plan,
  type RepTable,
  type SegmentResult,
  type StrategyPlugin,
} from '@tessera/core';
import type { ConformanceDataset } from './datasets.js';

/** The seed every conformance run uses unless a check needs another. */
export const CONFORMANCE_SEED = 'tessera-conformance';

/** Runs a plugin on a dataset through core's `runStrategy`, which validates the plan. */
export function runOn(
  plugin: StrategyPlugin,
  dataset: ConformanceDataset,
  params: unknown,
  extra: { seed?: string | number; signal?: AbortSignal } = {},
): Promise<SegmentResult> {
  return runStrategy(
    plugin,
    {
      accounts: dataset.accounts,
      reps: dataset.reps,
      ...(dataset.locks ? { locks: dataset.locks } : {}),
      seed: extra.seed ?? CONFORMANCE_SEED,
      ...(extra.signal ? { signal: extra.signal } : {}),
    },
    params ?? {},
  );
}

/** The plan in its exported form: the bytes `tessera solve` would write. */
export function planBytes(plan: Plan, accounts: AccountTable): string {
  return [...planToCsv(plan, accounts)].join('');
}

/** For each account the id of its rep, or null when unassigned or unstaffed. */
export function repIdsOf(plan: Plan): (string | null)[] {
  return Array.from(plan.territoryOf, (t) => (t < 0 ? null : (plan.territories[t]?.repId ?? null)));
}

/**
 * Locked accounts with a current owner on the team that the plan gives to someone else, as
 * readable lines (`"a7" locked to "la", planned for "ny"`).
 */
export function movedLocks(
  plan: Plan,
  accounts: AccountTable,
  reps: RepTable,
  locks: Uint8Array = accounts.locked,
): string[] {
  const planned = repIdsOf(plan);
  const moved: string[] = [];
  for (let i = 0; i < accounts.length; i++) {
    if (locks[i] !== 1) continue;
    const owner = accounts.owner.get(i);
    if (owner === null || reps.indexOf(owner) < 0) continue;
    if (planned[i] !== owner) {
      moved.push(
        `"${accounts.id.get(i)}" locked to "${owner}", planned for ${JSON.stringify(planned[i])}`,
      );
    }
  }
  return moved;
}
