import { candidateArcs, type CandidateArcs } from './candidates.js';
import type { UnitPoints } from './geometry.js';
import type { SkillClasses } from './skill-classes.js';

export interface PriceCheckInput {
  readonly points: UnitPoints;
  readonly classOf: Int32Array;
  readonly reps: UnitPoints;
  readonly classes: SkillClasses;
  readonly arcs: CandidateArcs;
  readonly cost: Float64Array;
  /** The rep prices of the solved relaxation. */
  readonly prices: Float64Array;
  readonly penaltyKm: number;
  readonly toleranceKm: number;
  readonly pause: () => Promise<void>;
}

/**
 * Column generation's pricing step. The relaxation was solved on candidate arcs only; its rep
 * prices prove it optimal over every arc when no account has a rep outside its candidates
 * cheaper (km + mismatch penalty + price) than its best candidate. For each account this
 * finds its cheapest rep holding its skills and its cheapest other rep (the same cell-sorted
 * scan that picks candidates) and returns the candidate arcs with every such cheaper rep
 * added, and how many were added; `added` 0 is the certificate.
 */
export async function priceCheck(
  input: PriceCheckInput,
): Promise<{ arcs: CandidateArcs; added: number }> {
  const { arcs, cost, prices, penaltyKm } = input;
  const n = input.classOf.length;
  const best = await candidateArcs(
    input.points,
    input.classOf,
    input.reps,
    input.classes,
    { matching: 1, others: 1 },
    input.pause,
    prices,
  );
  const extra = new Int32Array(best.rep.length).fill(-1);
  let added = 0;
  for (let k = 0; k < n; k++) {
    if (k % 65_536 === 65_535) await input.pause();
    let value = Number.POSITIVE_INFINITY;
    for (let a = arcs.start[k]!; a < arcs.start[k + 1]!; a++) {
      value = Math.min(value, cost[a]! + prices[arcs.rep[a]!]!);
    }
    for (let b = best.start[k]!; b < best.start[k + 1]!; b++) {
      const r = best.rep[b]!;
      const reduced = best.km[b]! + (best.matched[b] === 1 ? 0 : penaltyKm) + prices[r]!;
      if (reduced >= value - input.toleranceKm) continue;
      let known = false;
      for (let a = arcs.start[k]!; a < arcs.start[k + 1]!; a++) if (arcs.rep[a] === r) known = true;
      if (!known) {
        extra[b] = r;
        added++;
      }
    }
  }
  if (added === 0) return { arcs, added };

  const start = new Uint32Array(n + 1);
  for (let k = 0; k < n; k++) {
    let count = arcs.start[k + 1]! - arcs.start[k]!;
    for (let b = best.start[k]!; b < best.start[k + 1]!; b++) if (extra[b]! >= 0) count++;
    start[k + 1] = start[k]! + count;
  }
  const total = start[n]!;
  const merged: CandidateArcs = {
    start,
    rep: new Int32Array(total),
    km: new Float64Array(total),
    matched: new Uint8Array(total),
  };
  for (let k = 0; k < n; k++) {
    if (k % 65_536 === 65_535) await input.pause();
    let at = start[k]!;
    for (let a = arcs.start[k]!; a < arcs.start[k + 1]!; a++, at++) {
      merged.rep[at] = arcs.rep[a]!;
      merged.km[at] = arcs.km[a]!;
      merged.matched[at] = arcs.matched[a]!;
    }
    for (let b = best.start[k]!; b < best.start[k + 1]!; b++) {
      if (extra[b]! < 0) continue;
      merged.rep[at] = best.rep[b]!;
      merged.km[at] = best.km[b]!;
      merged.matched[at] = best.matched[b]!;
      at++;
    }
  }
  return { arcs: merged, added };
}
