import {
  definePlugin,
  Plan,
  type AccountTable,
  type RepTable,
  type SegmentResult,
} from '@tessera/core';
import { z } from 'zod';

/** Accounts handled between two yields to the event loop (each followed by a check of the signal). */
const CHUNK = 4_096;

const params = z
  .object({
    measure: z
      .enum(['workload', 'potential', 'accounts'])
      .default('workload')
      .describe('what to balance: workload, potential, or the number of accounts'),
  })
  .strict();

/**
 * Balanced by sorted workload: accounts are dealt largest first, each to the rep whose load
 * relative to capacity would be lowest after taking it (the "longest processing time first"
 * rule of scheduling). Locked accounts stay with their owner and count towards the owner's
 * load. Ignores geography.
 */
export const __PLUGIN_EXPORT__ = definePlugin({
  id: '__PLUGIN_ID__',
  name: '__PLUGIN_TITLE__',
  version: '0.1.0',
  description: 'Deals accounts, largest first, to the rep with the most room for them.',
  params,
  async segment(ctx, { measure }): Promise<SegmentResult> {
    const { accounts, reps, locks, signal } = ctx;
    const repOf = new Int32Array(accounts.length).fill(-1);
    if (reps.length === 0) {
      const warnings = accounts.length ? [`no reps: ${accounts.length} accounts unassigned`] : [];
      return { plan: Plan.fromRepAssignment(reps, repOf), warnings };
    }
    const weight = weights(accounts, measure);
    const room = capacities(reps);
    const load = new Float64Array(reps.length);
    const count = new Float64Array(reps.length);

    // Locked accounts first: they are not ours to move, but they fill their owner's book.
    const ownerRep = Int32Array.from(accounts.owner.dictionary, (id) => reps.indexOf(id));
    const free: number[] = [];
    for (let i = 0; i < accounts.length; i++) {
      if (i % CHUNK === 0) await checkpoint(signal);
      const code = accounts.owner.codes[i]!;
      const owner = code < 0 ? -1 : ownerRep[code]!;
      if (locks[i] === 1 && owner >= 0) {
        repOf[i] = owner;
        load[owner]! += weight[i]!;
        count[owner]!++;
      } else {
        free.push(i);
      }
    }
    await checkpoint(signal);
    // Ties broken by row order, so the plan depends on the data alone. The sort is the one
    // stretch without a yield (~20 ms per 60,000 accounts): split it if yours must handle
    // millions, so that an abort still lands within 100 ms.
    free.sort((a, b) => weight[b]! - weight[a]! || a - b);

    for (let k = 0; k < free.length; k++) {
      if (k % CHUNK === 0) {
        await checkpoint(signal);
        ctx.progress(k / free.length, 'dealing accounts');
      }
      const i = free[k]!;
      const w = weight[i]!;
      let best = 0;
      for (let r = 1; r < reps.length; r++) {
        const after = (load[r]! + w) / room[r]!;
        const bestAfter = (load[best]! + w) / room[best]!;
        // With equal loads (zero workloads, say) the rep with fewer accounts per unit of room.
        if (
          after < bestAfter ||
          (after === bestAfter && (count[r]! + 1) / room[r]! < (count[best]! + 1) / room[best]!)
        ) {
          best = r;
        }
      }
      repOf[i] = best;
      load[best]! += w;
      count[best]!++;
    }
    ctx.progress(1, 'dealing accounts');
    return { plan: Plan.fromRepAssignment(reps, repOf) };
  },
});

export default __PLUGIN_EXPORT__;

/**
 * Gives the event loop a turn, so that an abort (a timer or a message) can land, then stops the
 * run with the abort's own reason if it did. The check must come after the yield: before it,
 * the abort has not been delivered yet.
 */
async function checkpoint(signal: AbortSignal): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  signal.throwIfAborted();
}

/** Each account's weight; missing, negative or infinite values count as 0. */
function weights(accounts: AccountTable, measure: 'workload' | 'potential' | 'accounts') {
  if (measure === 'accounts') return new Float64Array(accounts.length).fill(1);
  return Float64Array.from(accounts[measure], (v) => (v > 0 && v < Infinity ? v : 0));
}

/** Each rep's capacity; reps without one get the mean of the others (or 1 when none has one). */
function capacities(reps: RepTable): Float64Array {
  const known = Array.from(reps.capacity).filter((c) => c > 0 && c < Infinity);
  const fallback = known.length ? known.reduce((s, c) => s + c, 0) / known.length : 1;
  return Float64Array.from(reps.capacity, (c) => (c > 0 && c < Infinity ? c : fallback));
}
