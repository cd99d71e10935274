import type { AccountTable, RepTable } from '@tessera/core';
import { solveTransportation } from '../shared/transportation.js';
import { repLimits } from './capacities.js';
import { skillClasses } from './skill-classes.js';
import { splitWork } from './work.js';

export interface SkillMatchBoundOptions {
  /** As the strategy's parameter: load ≤ capacity × (1 + tolerance). Default 0.05. */
  tolerance?: number;
  /** 1 where the account stays with its owner. Default: the accounts' `locked` column. */
  locks?: Uint8Array;
}

/**
 * The highest skill-match share (as `computeMetrics` reports it) that any plan keeping every
 * rep within capacity × (1 + tolerance) can reach, with the same capacity rules and locks as
 * the `rep-skill` strategy. Computed exactly on the relaxation where an account's workload may
 * be split between reps (accounts grouped by the skills they need, one arc per rep, cost 1 per
 * unmatched unit), so it is an upper bound: a plan reaching it is optimal for skill match.
 * 1 when there is no account or no rep.
 */
export async function maxSkillMatchShare(
  accounts: AccountTable,
  reps: RepTable,
  options: SkillMatchBoundOptions = {},
): Promise<number> {
  const m = reps.length;
  if (accounts.length === 0 || m === 0) return 1;
  const work = await splitWork(accounts, reps, options.locks ?? accounts.locked);
  const limits = repLimits(reps, work.total, options.tolerance ?? 0.05, work.byCount);
  const classes = await skillClasses(accounts, reps);
  const room = Float64Array.from(limits.limit, (l, r) => Math.max(0, l - work.lockedLoad[r]!));

  let matched = 0;
  const supply = new Float64Array(classes.count);
  for (let i = 0; i < accounts.length; i++) {
    const c = classes.classOf[i]!;
    const owner = work.lockedTo[i]!;
    if (owner < 0) supply[c]! += work.weight[i]!;
    else if (classes.matches[c * m + owner] === 1) matched += work.weight[i]!;
  }
  const arcStart = Uint32Array.from({ length: classes.count + 1 }, (_, c) => c * m);
  const arcSink = Int32Array.from({ length: classes.count * m }, (_, a) => a % m);
  const arcCost = Float64Array.from(classes.matches, (match) => (match ? 0 : 1));
  const solution = await solveTransportation({
    supply,
    capacity: room,
    arcStart,
    arcSink,
    arcCost,
  });
  for (let a = 0; a < arcCost.length; a++) if (arcCost[a] === 0) matched += solution.flow[a]!;
  return Math.min(1, matched / work.total);
}
