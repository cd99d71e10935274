import { MIN_PLAN_COVERAGE, planCoverage, type Plan } from '@tessera/core';

/**
 * What to tell the planner about a baseline plan that leaves accounts without an owner, or
 * null when it owns them all. A partial baseline is allowed (today's plan may cover part of
 * the book), but never silently: one made for another dataset owns almost nothing.
 */
export function baselineWarning(baseline: Plan): string | null {
  const { accounts, owned } = planCoverage(baseline);
  const without = accounts - owned;
  if (without === 0) return null;
  const count = (n: number): string => n.toLocaleString('en-US');
  const another = owned / accounts < MIN_PLAN_COVERAGE ? '; is it for another dataset?' : '';
  return `the baseline plan leaves ${count(without)} of ${count(accounts)} accounts (${percent(without / accounts)}) without an owner: continuity counts them as unowned${another}`;
}

/** A share as a percentage that never rounds a part up to 100% or down to 0%. */
function percent(share: number): string {
  const value = Math.min(99.9, Math.max(0.1, Math.round(share * 1000) / 10));
  return `${share === 1 ? 100 : value}%`;
}
