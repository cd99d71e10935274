import { definePlugin, Plan, type SegmentResult } from '@tessera/core';
import { z } from 'zod';

/** Accounts dealt between two checks of the signal and two yields to the event loop. */
const CHUNK = 8_192;

const params = z
  .object({
    shuffle: z
      .boolean()
      .default(true)
      .describe('deal to the reps in an order drawn from the seed, rather than in file order'),
  })
  .strict();

/**
 * Round-robin by region: the accounts of each region (alphabetically, accounts without a region
 * last; within a region in file order) are dealt to the reps in turn, the turn carrying over
 * from one region to the next, so every rep gets an equal share (±1) of each region's dealt
 * accounts. Locked accounts stay with their owner and are not dealt. Ignores geography and
 * workload: it is an example of the contract, not a balanced solver.
 */
export const roundRobinByRegion = definePlugin({
  id: 'round-robin-by-region',
  name: 'Round-robin by region',
  version: '1.0.0',
  description: "Deals each region's accounts to the reps in turn, so every rep gets a fair share.",
  params,
  async segment(ctx, { shuffle }): Promise<SegmentResult> {
    const { accounts, reps, locks, signal } = ctx;
    const repOf = new Int32Array(accounts.length).fill(-1);
    if (reps.length === 0) {
      const warnings = accounts.length ? [`no reps: ${accounts.length} accounts unassigned`] : [];
      return { plan: Plan.fromRepAssignment(reps, repOf), warnings };
    }

    const ownerRep = Int32Array.from(accounts.owner.dictionary, (id) => reps.indexOf(id));
    const dealt: number[] = [];
    for (let i = 0; i < accounts.length; i++) {
      const code = accounts.owner.codes[i]!;
      const owner = code < 0 ? -1 : ownerRep[code]!;
      if (locks[i] === 1 && owner >= 0) repOf[i] = owner;
      else dealt.push(i);
    }
    const regionRank = rankRegions(accounts.region.dictionary);
    const rank = (i: number) => {
      const code = accounts.region.codes[i]!;
      return code < 0 ? regionRank.length : regionRank[code]!;
    };
    dealt.sort((a, b) => rank(a) - rank(b) || a - b);

    const turn = Array.from({ length: reps.length }, (_, r) => r);
    if (shuffle) {
      // Fisher–Yates with the run's seeded random: the same seed deals the same way.
      for (let r = turn.length - 1; r > 0; r--) {
        const j = ctx.random.int(r + 1);
        [turn[r], turn[j]] = [turn[j]!, turn[r]!];
      }
    }
    for (let k = 0; k < dealt.length; k++) {
      if (k % CHUNK === 0) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        signal.throwIfAborted();
        ctx.progress(k / dealt.length, 'dealing accounts');
      }
      repOf[dealt[k]!] = turn[k % turn.length]!;
    }
    return { plan: Plan.fromRepAssignment(reps, repOf) };
  },
});

export default roundRobinByRegion;

/** Each region's position in alphabetical order (by code point, the same in every runtime). */
function rankRegions(names: readonly string[]): Int32Array {
  const order = names.map((_, code) => code).sort((a, b) => (names[a]! < names[b]! ? -1 : 1));
  const rank = new Int32Array(names.length);
  for (let position = 0; position < order.length; position++) rank[order[position]!] = position;
  return rank;
}
