import { assertPlanFits, type Plan } from '../plan/plan.js';
import type { AccountTable } from '../table/account-table.js';
import type { RepTable } from '../table/rep-table.js';
import { metricsInContext } from './compute-metrics.js';
import { metricsContext } from './metrics-context.js';
import type { ComparePlansOptions, PlanComparison, PlanFlow, PlanMetrics } from './types.js';

/**
 * Both plans' metrics, their differences (b − a) and the accounts that change rep between them.
 * The table-only work (unit vectors, skills, owners) is done once for both.
 */
export function comparePlans(
  accounts: AccountTable,
  reps: RepTable,
  a: Plan,
  b: Plan,
  options: ComparePlansOptions = {},
): PlanComparison {
  assertPlanFits(a, accounts);
  assertPlanFits(b, accounts);
  const context = metricsContext(accounts, reps);
  const metricsA = metricsInContext(context, a, options);
  const metricsB = metricsInContext(context, b, options);

  const repA = a.repOf(reps);
  const repB = b.repOf(reps);
  const n = accounts.length;
  let accountsMoved = 0;
  for (let i = 0; i < n; i++) if (repA[i] !== repB[i]) accountsMoved++;

  const comparison: PlanComparison = {
    a: metricsA,
    b: metricsB,
    delta: metricDelta(metricsA, metricsB),
    accountsMoved,
    accountsMovedShare: n > 0 ? accountsMoved / n : 0,
  };
  if (options.flows === true) comparison.flows = planFlows(accounts, reps, repA, repB);
  return comparison;
}

/**
 * b − a for every scalar of the summary (everything but `territories`), keyed by dotted path,
 * e.g. `balance.workload.index`. A metric that is null on either side has no delta.
 */
export function metricDelta(a: PlanMetrics, b: PlanMetrics): Record<string, number> {
  const flatA = flattenSummary(a);
  const flatB = flattenSummary(b);
  const delta: Record<string, number> = {};
  for (const [key, valueA] of flatA) {
    const valueB = flatB.get(key);
    if (valueA !== null && valueB !== undefined && valueB !== null) delta[key] = valueB - valueA;
  }
  return delta;
}

function flattenSummary(metrics: PlanMetrics): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'number' || value === null) out.set(path, value);
    else if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
        walk(inner, path === '' ? key : `${path}.${key}`);
      }
    }
  };
  for (const [key, value] of Object.entries(metrics)) if (key !== 'territories') walk(value, key);
  return out;
}

/** Moved accounts grouped by (rep in a, rep in b), largest flows first. */
function planFlows(
  accounts: AccountTable,
  reps: RepTable,
  repA: Int32Array,
  repB: Int32Array,
): PlanFlow[] {
  // Rep index + 1 so "no rep" is 0; the pair is one number for the map key.
  const stride = reps.length + 1;
  const groups = new Map<number, { accounts: number; workload: number; revenue: number }>();
  const { workload, revenue } = accounts;
  for (let i = 0; i < repA.length; i++) {
    if (repA[i] === repB[i]) continue;
    const key = (repA[i]! + 1) * stride + (repB[i]! + 1);
    let group = groups.get(key);
    if (!group) {
      group = { accounts: 0, workload: 0, revenue: 0 };
      groups.set(key, group);
    }
    group.accounts++;
    const w = workload[i]!;
    const r = revenue[i]!;
    if (!Number.isNaN(w)) group.workload += w;
    if (!Number.isNaN(r)) group.revenue += r;
  }
  const repId = (index: number): string | null => (index < 0 ? null : reps.id.get(index));
  return [...groups]
    .sort(([keyA, x], [keyB, y]) => y.accounts - x.accounts || keyA - keyB)
    .map(([key, group]) => ({
      from: repId(Math.floor(key / stride) - 1),
      to: repId((key % stride) - 1),
      ...group,
    }));
}
