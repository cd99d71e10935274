import type { SegmentContext } from '@tessera/core';
import type { z } from 'zod';
import { apportion } from './apportion.js';
import { assignRepsToGroups } from './assign-reps.js';
import { balanceCapacity } from './balance-capacity.js';
import { listByGroup } from './group-lists.js';
import type { AccountGroup } from './run-on-groups.js';

/**
 * One stage of a pipeline: divides the accounts of a context into groups and gives each group
 * its reps. A split never builds territories; the next stage (or the final strategy) does.
 */
export interface Split<Params extends z.ZodType = z.ZodType> {
  readonly id: string;
  readonly params: Params;
  divide(ctx: SegmentContext, params: z.output<Params>): SplitResult;
}

export interface SplitResult {
  groups: AccountGroup[];
  /** What the planner should know, e.g. verticals pooled for lack of reps. */
  warnings: string[];
}

/** A group before it has reps: a label and, per account, whether it belongs. */
export interface GroupLabel {
  key: string;
  name: string;
}

/**
 * How much a rep prefers a group where its own locked accounts are, per unit of locked share:
 * above any skill or seniority preference (those add up to at most 1.5), so a rep is kept
 * with its locked accounts whenever the seats allow and few locked accounts have to follow
 * their owner into another group.
 */
export const LOCK_PREFERENCE = 2;

/** Work of each account: its workload, missing or negative counting as 0. */
export function accountWork(workload: Float64Array, i: number): number {
  const w = workload[i]!;
  return w > 0 && Number.isFinite(w) ? w : 0;
}

/**
 * Per group, the work it holds: the sum of its workloads or, when every workload is 0 or
 * missing, its number of accounts (so a dataset without workloads still splits by size).
 */
export function groupWork(
  ctx: SegmentContext,
  groupOf: Int32Array,
  groupCount: number,
): Float64Array {
  const work = new Float64Array(groupCount);
  const counts = new Float64Array(groupCount);
  let total = 0;
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i]!;
    if (g < 0) continue;
    const w = accountWork(ctx.accounts.workload, i);
    work[g] = work[g]! + w;
    counts[g] = counts[g]! + 1;
    total += w;
  }
  return total > 0 ? work : counts;
}

/**
 * Turns labelled groups into staffed ones: reps are apportioned to the groups in proportion
 * to their work ({@link apportion}: largest remainder, at least one per group with work),
 * then placed by an exact assignment that maximises `preference[r × groups + g]` plus
 * {@link LOCK_PREFERENCE} × the share of rep r's locked accounts that lie in group g; reps
 * the preference cannot tell apart are then swapped so that each group's capacity follows its
 * work ({@link balanceCapacity}).
 * A group whose accounts carry no workload (while others do) still gets one rep when there
 * are enough. Groups without accounts are dropped. The caller pools groups beforehand so that
 * there are no more groups with accounts than reps.
 */
export function staffGroups(
  ctx: SegmentContext,
  labels: readonly GroupLabel[],
  groupOf: Int32Array,
  preference: Float64Array,
): AccountGroup[] {
  const { accounts, reps, locks } = ctx;
  const G = labels.length;
  const R = reps.length;
  const work = groupWork(ctx, groupOf, G);
  // Accounts without workload still need a rep: such a group gets a token weight, which the
  // minimum of one seat turns into one rep (when there are enough reps).
  const token = work.reduce((s, w) => s + w, 0) * 1e-12;
  const filled = new Uint8Array(G);
  for (let i = 0; i < groupOf.length; i++) if (groupOf[i]! >= 0) filled[groupOf[i]!] = 1;
  for (let g = 0; g < G; g++) if (filled[g] === 1 && work[g] === 0) work[g] = token;
  const seats = apportion(work, R);

  const score = Float64Array.from(preference);
  const ownerRep = Int32Array.from(accounts.owner.dictionary, (id) => reps.indexOf(id));
  const lockedWork = new Float64Array(R * G);
  const lockedCount = new Float64Array(R * G);
  const repWork = new Float64Array(R);
  const repCount = new Float64Array(R);
  for (let i = 0; i < accounts.length; i++) {
    if (locks[i] !== 1 || groupOf[i]! < 0) continue;
    const code = accounts.owner.codes[i]!;
    const r = code < 0 ? -1 : ownerRep[code]!;
    if (r < 0) continue;
    const w = accountWork(accounts.workload, i);
    const cell = r * G + groupOf[i]!;
    lockedWork[cell] = lockedWork[cell]! + w;
    lockedCount[cell] = lockedCount[cell]! + 1;
    repWork[r] = repWork[r]! + w;
    repCount[r] = repCount[r]! + 1;
  }
  for (let r = 0; r < R; r++) {
    if (repCount[r] === 0) continue;
    for (let g = 0; g < G; g++) {
      const cell = r * G + g;
      const share =
        repWork[r]! > 0 ? lockedWork[cell]! / repWork[r]! : lockedCount[cell]! / repCount[r]!;
      score[cell] = score[cell]! + LOCK_PREFERENCE * share;
    }
  }
  const repGroup = assignRepsToGroups(score, R, seats);
  balanceCapacity(score, G, repGroup, reps.capacity, work);

  const accountLists = listByGroup(groupOf, G);
  const repLists = listByGroup(repGroup, G);
  const groups: AccountGroup[] = [];
  labels.forEach((label, g) => {
    if (accountLists[g]!.length === 0 && repLists[g]!.length === 0) return;
    groups.push({
      key: label.key,
      name: label.name,
      accounts: accountLists[g]!,
      reps: repLists[g]!,
    });
  });
  return groups;
}

/** Whether rep r holds the tag with this code in the reps' skill dictionary (-1: nobody). */
export function repHolds(ctx: SegmentContext, r: number, code: number): boolean {
  return code >= 0 && ctx.reps.skills.has(r, code);
}
