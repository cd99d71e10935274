import { definePlugin, GeoIndex, Plan, type SegmentResult } from '@tessera/core';
import { z } from 'zod';

/**
 * How often the assignment loop yields, checks for cancellation and reports progress: about
 * 15 ms of work on a laptop, well inside the 100 ms an abort must land in.
 */
const CHECK_EVERY = 8_192;

/**
 * Each account goes to the rep whose home base is nearest (great-circle; ties to the rep
 * listed first). Locked accounts stay with their owner. Accounts without coordinates stay with
 * their owner or, failing that, are left unassigned and reported. It ignores balance on
 * purpose: it is the reference example of the plugin contract and the "closest rep" baseline
 * every balanced strategy is measured against.
 */
export const nearest = definePlugin({
  id: 'nearest',
  name: 'Nearest rep',
  version: '1.0.0',
  description:
    'Assigns every account to the rep whose home base is nearest; ignores balance and capacity.',
  params: z.object({}).strict(),
  async segment(ctx): Promise<SegmentResult> {
    const { accounts, reps, locks, signal } = ctx;
    const homes = new GeoIndex(reps.lat, reps.lon);
    const ownerRep = Int32Array.from(accounts.owner.dictionary, (id) => reps.indexOf(id));
    const repOf = new Int32Array(accounts.length);
    let unplaced = 0;
    for (let i = 0; i < accounts.length; i++) {
      if (i % CHECK_EVERY === 0) {
        if (i > 0) await new Promise((resolve) => setTimeout(resolve, 0)); // let an abort land
        signal.throwIfAborted();
        ctx.progress(i / accounts.length, 'assigning accounts to the nearest rep');
      }
      const code = accounts.owner.codes[i]!;
      const owner = code < 0 ? -1 : ownerRep[code]!;
      if (locks[i] === 1 && owner >= 0) {
        repOf[i] = owner;
        continue;
      }
      const lat = accounts.lat[i]!;
      const lon = accounts.lon[i]!;
      const near = Number.isFinite(lat) && Number.isFinite(lon) ? homes.nearest(lat, lon) : -1;
      repOf[i] = near >= 0 ? near : owner;
      if (repOf[i]! < 0) unplaced++;
    }
    const warnings: string[] = [];
    if (homes.size === 0 && reps.length > 0) {
      warnings.push('no rep has a home base: accounts stay with their current owner');
    }
    if (unplaced > 0) {
      warnings.push(
        `${unplaced} account${unplaced === 1 ? '' : 's'} without coordinates or a current owner left unassigned`,
      );
    }
    return { plan: Plan.fromRepAssignment(reps, repOf), warnings };
  },
});
