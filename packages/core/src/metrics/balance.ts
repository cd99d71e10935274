import { TesseraError } from '../errors/tessera-error.js';
import type { BalanceStats } from './types.js';

const PERFECT: BalanceStats = { maxDeviation: 0, cv: 0, gini: 0, index: 100 };

/**
 * Balance of per-territory values against their targets, on the ratios r_t = value_t / target_t:
 * maxDeviation = max |r_t − 1|, cv = population std(r) / mean(r),
 * gini = Σ_i Σ_j |r_i − r_j| / (2 n² mean(r)), index = 100 × max(0, 1 − mean |r_t − 1|).
 *
 * Missing (NaN) and negative values count as 0. A territory whose target is not positive is on
 * target (r_t = 1) when its value is 0; a positive value against such a target has no defined
 * ratio and throws. No territories at all is perfect balance; cv and gini are 0 when every
 * r_t is 0 (no spread).
 */
export function balanceStats(values: ArrayLike<number>, targets: ArrayLike<number>): BalanceStats {
  const n = values.length;
  if (targets.length !== n) {
    throw new TesseraError(
      'BALANCE_SHAPE',
      `balance got ${n} values but ${targets.length} targets`,
    );
  }
  if (n === 0) return { ...PERFECT };
  const r = new Float64Array(n);
  let sum = 0;
  let absDev = 0;
  let maxDeviation = 0;
  for (let t = 0; t < n; t++) {
    const raw = values[t]!;
    const value = raw > 0 ? raw : 0;
    const target = targets[t]!;
    let ratio: number;
    if (target > 0) ratio = value / target;
    else if (value === 0) ratio = 1;
    else {
      throw new TesseraError(
        'BALANCE_TARGET',
        `balance territory #${t} has value ${value} but target ${target}`,
      );
    }
    if (!Number.isFinite(ratio)) {
      throw new TesseraError('BALANCE_TARGET', `balance territory #${t} has no finite ratio`);
    }
    r[t] = ratio;
    sum += ratio;
    const dev = Math.abs(ratio - 1);
    absDev += dev;
    if (dev > maxDeviation) maxDeviation = dev;
  }
  const mean = sum / n;
  const index = 100 * Math.max(0, 1 - absDev / n);
  if (mean === 0) return { maxDeviation, cv: 0, gini: 0, index };

  // cv is scale-free: work on r / max(r) so squaring a huge ratio cannot overflow.
  let largest = 0;
  for (let t = 0; t < n; t++) if (r[t]! > largest) largest = r[t]!;
  const scaledMean = mean / largest;
  let squares = 0;
  for (let t = 0; t < n; t++) squares += (r[t]! / largest - scaledMean) ** 2;
  const cv = Math.sqrt(squares / n) / scaledMean;

  // Σ_i Σ_j |r_i − r_j| = 2 Σ_k (2k − n + 1) r_(k) over the ratios sorted ascending: O(n log n).
  r.sort();
  let pairs = 0;
  for (let k = 0; k < n; k++) pairs += (2 * k - n + 1) * r[k]!;
  const gini = Math.max(0, pairs / (n * n * mean));
  return { maxDeviation, cv, gini, index };
}
