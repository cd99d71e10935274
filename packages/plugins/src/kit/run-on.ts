import {
  findPlanFault,
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

/**
 * Runs a plugin on a dataset through core's `runStrategy`, which validates the plan — all but
 * the locks. The strategy sees the dataset's locks in `ctx.locks` as usual, but core checks
 * the plan against none, so a moved lock fails only the check that looks for it (with
 * {@link movedLocks}) instead of every check of the suite.
 */
export function runOn(
  plugin: StrategyPlugin,
  dataset: ConformanceDataset,
  params: unknown,
  extra: { seed?: string | number; signal?: AbortSignal } = {},
): Promise<SegmentResult> {
  const { accounts, reps } = dataset;
  return runStrategy(
    seeingLocks(plugin, dataset.locks ?? accounts.locked),
    {
      accounts,
      reps,
      locks: new Uint8Array(accounts.length),
      seed: extra.seed ?? CONFORMANCE_SEED,
      ...(extra.signal ? { signal: extra.signal } : {}),
    },
    params ?? {},
  );
}

/** The plugin with `ctx.locks` replaced by `locks`, whatever locks its caller passes. */
function seeingLocks(plugin: StrategyPlugin, locks: Uint8Array): StrategyPlugin {
  return { ...plugin, segment: (ctx, params) => plugin.segment({ ...ctx, locks }, params) };
}

/** What core would reject in the plan, locks aside: those are the `locks` check's alone. */
export function planFaultIgnoringLocks(
  plan: Plan,
  accounts: AccountTable,
  reps: RepTable,
): string | null {
  return findPlanFault(plan, accounts, reps, new Uint8Array(accounts.length));
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
