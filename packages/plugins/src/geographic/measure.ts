import type { AccountTable } from '@tessera/core';
import type { BalanceMeasureName, BalanceOn } from './params.js';

/** The per-account load territories are balanced on. */
export interface BalanceMeasure {
  /** Load of each account, ≥ 0. */
  values: Float64Array;
  total: number;
  /** What was balanced, for messages: `workload`, `workload 0.7 + potential 0.3`. */
  label: string;
  /** Set when the requested measure sums to 0 and account counts were balanced instead. */
  fellBackToAccounts: boolean;
}

/** A cell's value as a load: missing, infinite and negative values weigh 0, as in core's metrics. */
function load(value: number): number {
  return value > 0 && value < Number.POSITIVE_INFINITY ? value : 0;
}

function column(accounts: AccountTable, name: BalanceMeasureName): Float64Array {
  const n = accounts.length;
  const out = new Float64Array(n);
  if (name === 'accounts') return out.fill(1);
  const source = name === 'workload' ? accounts.workload : accounts.potential;
  for (let i = 0; i < n; i++) out[i] = load(source[i]!);
  return out;
}

function sum(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s;
}

/**
 * The balance load of every account. A single measure is taken as is; a mix weights each
 * measure's share of its own total (`Σ αₘ·xₘ / Xₘ`), so a mix of workload and dollars is not
 * dominated by whichever has the larger unit. Measures that sum to 0 drop out of a mix; when
 * nothing is left, territories are balanced on account counts instead (reported by the caller).
 */
export function balanceMeasure(accounts: AccountTable, balanceOn: BalanceOn): BalanceMeasure {
  const n = accounts.length;
  if (typeof balanceOn === 'string') {
    const values = column(accounts, balanceOn);
    const total = sum(values);
    if (total > 0 || n === 0) return { values, total, label: balanceOn, fellBackToAccounts: false };
  } else {
    const values = new Float64Array(n);
    const parts: string[] = [];
    const used: [BalanceMeasureName, number, Float64Array, number][] = [];
    for (const name of ['workload', 'potential', 'accounts'] as const) {
      const alpha = balanceOn[name] ?? 0;
      if (!(alpha > 0)) continue;
      const x = column(accounts, name);
      const total = sum(x);
      if (total > 0) used.push([name, alpha, x, total]);
    }
    const alphaSum = used.reduce((s, [, alpha]) => s + alpha, 0);
    for (const [name, alpha, x, total] of used) {
      const scale = alpha / alphaSum / total;
      for (let i = 0; i < n; i++) values[i]! += x[i]! * scale;
      parts.push(`${name} ${+(alpha / alphaSum).toFixed(4)}`);
    }
    if (used.length > 0) {
      return { values, total: sum(values), label: parts.join(' + '), fellBackToAccounts: false };
    }
    if (n === 0) return { values, total: 0, label: parts.join(' + '), fellBackToAccounts: false };
  }
  const values = column(accounts, 'accounts');
  return { values, total: n, label: 'accounts', fellBackToAccounts: true };
}

/**
 * Each account's weight in distances and centroids: its workload, as in core's compactness
 * metric (all 1 when every workload is 0). A floor of a millionth of the mean keeps zero-workload
 * accounts near their territory instead of anywhere at all, at no visible cost.
 */
export function distanceWeights(accounts: AccountTable): Float64Array {
  const n = accounts.length;
  const w = column(accounts, 'workload');
  const total = sum(w);
  if (!(total > 0)) return w.fill(1);
  const floor = (total / n) * 1e-6;
  for (let i = 0; i < n; i++) if (w[i]! < floor) w[i] = floor;
  return w;
}
