import type { CandidateArcs } from './candidates.js';
import { pointKm, type UnitPoints } from './geometry.js';
import type { SkillClasses } from './skill-classes.js';

export interface RoundInput {
  /** The account behind each source. */
  readonly sources: Int32Array;
  /** Per account. */
  readonly weight: Float64Array;
  readonly classOf: Int32Array;
  readonly points: UnitPoints;
  /** Per source. */
  readonly arcs: CandidateArcs;
  readonly cost: Float64Array;
  /** The relaxation's flow on each arc. */
  readonly flow: Float64Array;
  /** What each rep may take (its limit less its locked accounts). */
  readonly room: Float64Array;
  readonly reps: UnitPoints;
  readonly classes: SkillClasses;
  readonly penaltyKm: number;
  readonly pause: () => Promise<void>;
}

export interface RoundResult {
  /** The rep of each source. */
  readonly repOf: Int32Array;
  /** Reps still above their room after the repair: only when no move could fix them. */
  readonly overRoom: number;
}

/**
 * Turns the relaxation's flow into one rep per account, then restores capacity.
 *
 * Rounding: each account goes to the cheapest of the arcs carrying its flow (the cheapest arc
 * when it weighs nothing). Only accounts the relaxation split have a choice, and few are split
 * (a search splits one only when a rep's excess runs out mid-account), so a rep ends at most a
 * few accounts over its room; taking the cheapest share keeps an account with a rep holding
 * its skills whenever the relaxation gave it one.
 *
 * Repair: for each rep over its room, each of its accounts gets its cheapest move (cost per
 * workload unit, so to a rep holding its skills whenever one has room) to a rep with room for
 * all of it, among its candidates, else among all reps. The rep sheds the cheaper of: the one
 * account that clears the excess alone at the least total cost, or accounts in order of cost
 * per unit until it fits. Moves only go into reps that stay within their room, so the repair
 * never creates a new violation.
 */
export async function roundPlan(input: RoundInput): Promise<RoundResult> {
  const { sources, weight, arcs, cost, flow, room } = input;
  const n = sources.length;
  const m = room.length;
  const repOf = new Int32Array(n);
  const arcOf = new Int32Array(n);
  const load = new Float64Array(m);
  for (let k = 0; k < n; k++) {
    if (k % 16_384 === 16_383) await input.pause();
    let best = -1;
    let carries = false;
    for (let a = arcs.start[k]!; a < arcs.start[k + 1]!; a++) {
      const has = flow[a]! > 0;
      if (best < 0 || (has && !carries) || (has === carries && cost[a]! < cost[best]!)) {
        best = a;
        carries = has;
      }
    }
    arcOf[k] = best;
    repOf[k] = arcs.rep[best]!;
    load[repOf[k]!]! += weight[sources[k]!]!;
  }

  const eps = (r: number): number => 1e-9 * Math.max(1, room[r]!);
  const over: number[] = [];
  for (let r = 0; r < m; r++) if (load[r]! > room[r]! + eps(r)) over.push(r);
  if (over.length === 0) return { repOf, overRoom: 0 };

  const membersOf = new Map<number, number[]>(over.map((r) => [r, []]));
  for (let k = 0; k < n; k++) {
    if (k % 65_536 === 65_535) await input.pause();
    membersOf.get(repOf[k]!)?.push(k);
  }

  // The cheapest move of source k off rep r given current loads: [Δ cost per unit, rep], or
  // null when no rep has room for it.
  const bestMove = (k: number, r: number): [number, number] | null => {
    const i = sources[k]!;
    const w = weight[i]!;
    const here = cost[arcOf[k]!]!;
    let best: [number, number] | null = null;
    for (let a = arcs.start[k]!; a < arcs.start[k + 1]!; a++) {
      const s = arcs.rep[a]!;
      if (s === r || load[s]! + w > room[s]! + eps(s)) continue;
      const delta = cost[a]! - here;
      if (best === null || delta < best[0]) best = [delta, s];
    }
    if (best !== null) return best;
    const row = input.classOf[i]! * m;
    for (let s = 0; s < m; s++) {
      if (s === r || load[s]! + w > room[s]! + eps(s)) continue;
      const unit =
        pointKm(input.points, i, input.reps, s) +
        (input.classes.matches[row + s] ? 0 : input.penaltyKm);
      const delta = unit - here;
      if (best === null || delta < best[0]) best = [delta, s];
    }
    return best;
  };

  const apply = (k: number, r: number, s: number): void => {
    const w = weight[sources[k]!]!;
    load[r]! -= w;
    load[s]! += w;
    repOf[k] = s;
    let moved = -1;
    for (let a = arcs.start[k]!; a < arcs.start[k + 1]!; a++) if (arcs.rep[a] === s) moved = a;
    arcOf[k] = moved;
  };

  let overRoom = 0;
  for (const r of over) {
    await input.pause();
    const ranked: [number, number][] = [];
    let seen = 0;
    for (const k of membersOf.get(r)!) {
      if (++seen % 4096 === 0) await input.pause();
      const move = bestMove(k, r);
      if (move) ranked.push([move[0], k]);
    }
    ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    // Greedy by cost per unit may move a large account where one small enough to clear the
    // excess alone costs less in all: compare the two and take the cheaper.
    const excess = load[r]! - room[r]!;
    let single = -1;
    let singleCost = Number.POSITIVE_INFINITY;
    let greedyCost = 0;
    let cleared = 0;
    for (const [delta, k] of ranked) {
      const w = weight[sources[k]!]!;
      if (cleared < excess) {
        greedyCost += w * delta;
        cleared += w;
      }
      if (w >= excess && w * delta < singleCost) {
        singleCost = w * delta;
        single = k;
      }
    }
    if (single >= 0 && singleCost < greedyCost) {
      const move = bestMove(single, r);
      if (move !== null) apply(single, r, move[1]);
    }
    for (const [, k] of ranked) {
      if (load[r]! <= room[r]! + eps(r)) break;
      await input.pause();
      if (repOf[k] !== r) continue;
      const move = bestMove(k, r); // loads moved on since the ranking
      if (move !== null) apply(k, r, move[1]);
    }
    if (load[r]! > room[r]! + eps(r)) overRoom++;
  }
  return { repOf, overRoom };
}
