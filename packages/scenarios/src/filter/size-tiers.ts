import type { AccountTable } from '@tessera/core';
import { DEFAULT_TIERS, type SizeTier } from '@tessera/plugins';

/**
 * Each account's index into DEFAULT_TIERS, by the size strategy's rule: the first tier whose
 * thresholds it meets; a tier without thresholds takes everyone left; an account meeting none,
 * or without size data, falls in the last tier. So `size` is never missing.
 */
export function sizeTierIndex(accounts: AccountTable): Uint8Array {
  const last = DEFAULT_TIERS.length - 1;
  const n = accounts.length;
  const out = new Uint8Array(n).fill(last);
  const { employees, annualRevenue } = accounts;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < last; t++) {
      if (qualifies(DEFAULT_TIERS[t]!, employees[i]!, annualRevenue[i]!)) {
        out[i] = t;
        break;
      }
    }
  }
  return out;
}

function qualifies(tier: SizeTier, employees: number, revenue: number): boolean {
  const { minEmployees, minAnnualRevenue } = tier;
  if (minEmployees === undefined && minAnnualRevenue === undefined) return true;
  // NaN (missing) compares false, so missing data never qualifies.
  const byEmployees = minEmployees !== undefined && employees >= minEmployees;
  const byRevenue = minAnnualRevenue !== undefined && revenue >= minAnnualRevenue;
  if (tier.match === 'any') return byEmployees || byRevenue;
  return (
    (minEmployees === undefined || byEmployees) && (minAnnualRevenue === undefined || byRevenue)
  );
}
