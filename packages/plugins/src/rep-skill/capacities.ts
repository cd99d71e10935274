import { capacityTargets, type RepTable } from '@tessera/core';

/** How much work each rep may take. */
export interface RepLimits {
  /** Each rep's capacity as given, a missing one filled in. */
  readonly nominal: Float64Array;
  /** The capacity each rep is held to: `nominal`, scaled up when the reps are short. */
  readonly capacity: Float64Array;
  /** capacity × (1 + tolerance): the most a rep may carry, locked accounts included. */
  readonly limit: Float64Array;
  /** Set when the reps' capacities cannot carry the work: what was done about it. */
  readonly shortfall?: string;
}

/**
 * Each rep's capacity, in the units of `weight` (workload, or one per account when every
 * workload is 0):
 * - workload units: the rep's `capacity`; a missing (or not finite) capacity is an equal share
 *   of the total workload, total / reps; a capacity of 0 takes no work;
 * - one per account (`byCount`): capacity says nothing in those units, so each rep's share of
 *   the account count is in proportion to its capacity (equal when any is missing), as core's
 *   `capacityTargets` sets balance targets.
 * When Σ capacity × (1 + tolerance) is below the total, no plan can respect it: every limit is
 * scaled by the same factor so that they add up to the total exactly (all zero: equal shares),
 * and `shortfall` says so.
 */
export function repLimits(
  reps: RepTable,
  total: number,
  tolerance: number,
  byCount: boolean,
): RepLimits {
  const m = reps.length;
  const capacity = byCount
    ? capacityTargets(total, reps.capacity)
    : Float64Array.from(reps.capacity, (c) =>
        Number.isFinite(c) ? Math.max(0, c) : m > 0 ? total / m : 0,
      );
  const nominal = Float64Array.from(capacity);
  let sum = 0;
  for (const c of capacity) sum += c;
  let shortfall: string | undefined;
  const room = sum * (1 + tolerance);
  if (m > 0 && total > 0 && room < total * (1 - 1e-12)) {
    const unit = byCount ? 'accounts' : 'workload';
    if (sum > 0) {
      const factor = total / room;
      for (let r = 0; r < m; r++) capacity[r]! *= factor;
      shortfall = `the reps' capacity (${round(sum)}) cannot carry the ${unit} (${round(total)}) even with the tolerance: each rep may carry its capacity × ${round(total / sum)}`;
    } else {
      capacity.fill(total / (m * (1 + tolerance)));
      shortfall = `every rep has capacity 0 for ${round(total)} ${unit}: the work is shared equally`;
    }
  }
  const limit = Float64Array.from(capacity, (c) => c * (1 + tolerance));
  return shortfall === undefined
    ? { nominal, capacity, limit }
    : { nominal, capacity, limit, shortfall };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
