import { AccountTable, assertPlanFits, type Plan, type RepTable } from '@tessera/core';

/**
 * The accounts with their `owner` column taken from a plan (today's alignment given as a
 * plan.csv rather than an owner column): everything downstream measures continuity against
 * owners, so a baseline plan becomes owners once, here.
 */
export function ownersFromPlan(accounts: AccountTable, reps: RepTable, plan: Plan): AccountTable {
  assertPlanFits(plan, accounts);
  const repIndexes = plan.repIndexes(reps);
  const dictionary: string[] = [];
  const codeOfTerritory = Int32Array.from(repIndexes, (r) =>
    r < 0 ? -1 : dictionary.push(reps.id.get(r)) - 1,
  );
  const codes = Int32Array.from(plan.territoryOf, (t) => (t < 0 ? -1 : codeOfTerritory[t]!));
  const data = accounts.toData();
  return new AccountTable({
    ...data,
    categories: { ...data.categories, owner: { codes, dictionary } },
  });
}
