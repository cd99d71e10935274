import type { Plan } from './plan.js';

/** How much of its account table a plan assigns: a plan made for another dataset covers little. */
export interface PlanCoverage {
  /** Accounts in the table the plan is read against. */
  accounts: number;
  /** Accounts the plan puts in a territory. */
  assigned: number;
  /** Accounts in a territory that has a rep: the ones with an owner when the plan is a baseline. */
  owned: number;
  /** Accounts in no territory: left out of the plan file, or listed without one. */
  unassigned: number;
  /** `assigned / accounts`; 1 for an empty table. */
  share: number;
}

/**
 * Below this share of the accounts, a plan is more likely one made for another dataset (a
 * sample's plan read against the full file) than a partial plan: hosts refuse it.
 */
export const MIN_PLAN_COVERAGE = 0.5;

/** Counts the accounts a plan assigns and owns, to tell a partial plan from a complete one. */
export function planCoverage(plan: Plan): PlanCoverage {
  const staffed = Uint8Array.from(plan.territories, (t) => (t.repId === null ? 0 : 1));
  let assigned = 0;
  let owned = 0;
  for (const t of plan.territoryOf) {
    if (t < 0) continue;
    assigned++;
    owned += staffed[t]!;
  }
  const accounts = plan.territoryOf.length;
  return {
    accounts,
    assigned,
    owned,
    unassigned: accounts - assigned,
    share: accounts === 0 ? 1 : assigned / accounts,
  };
}
