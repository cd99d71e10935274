import { z } from 'zod';
import { groupWork, repHolds, staffGroups, type GroupLabel, type Split } from '../shared/split.js';

/** The key and name of the pooled group. */
export const OTHER_KEY = 'other';
export const OTHER_NAME = 'Other';

export const industrySplitParams = z
  .object({
    minShare: z
      .number()
      .min(0)
      .max(1)
      .default(0.02)
      .describe(
        'verticals with less than this share of the workload are pooled into "other" (0 = never pool by size)',
      ),
  })
  .strict();

/**
 * Groups accounts by `industry`; each vertical gets reps in proportion to its workload
 * (largest remainder, at least one), preferring reps whose skills name it (`industry:<name>`).
 *
 * The "other" group pools, in this order: accounts without an industry; verticals below
 * `minShare` of the workload or without any workload; a vertical literally named "other";
 * and, when there are fewer reps than groups, the smallest verticals until every group can
 * have a rep and every vertical left is worth at least one full rep (reps × its share of the
 * workload ≥ 1), so the pooled group is not left short. A rep's preference for "other" is the
 * share of the pool's workload in verticals the rep names. Verticals are listed by workload,
 * largest first, then "other".
 */
export const industrySplit: Split<typeof industrySplitParams> = {
  id: 'industry',
  params: industrySplitParams,
  divide(ctx, { minShare }) {
    const { accounts, reps } = ctx;
    const industry = accounts.industry;
    const V = industry.dictionary.length;
    // Each vertical is its own group to start with; index V collects the accounts without one.
    const name = (v: number): string => industry.dictionary[v]!;
    const verticalOf = Int32Array.from(industry.codes, (code) => (code < 0 ? V : code));
    const work = groupWork(ctx, verticalOf, V + 1);
    const total = work.reduce((s, w) => s + w, 0);
    const counts = new Int32Array(V + 1);
    for (const v of verticalOf) counts[v] = counts[v]! + 1;

    const byWork = Array.from({ length: V }, (_, v) => v)
      .filter((v) => counts[v]! > 0)
      .sort((a, b) => work[b]! - work[a]! || compare(name(a), name(b)));
    const kept: number[] = [];
    const pooledSmall: number[] = [];
    for (const v of byWork) {
      if (name(v) === OTHER_KEY) continue;
      if (work[v]! > 0 && work[v]! >= minShare * total) kept.push(v);
      else pooledSmall.push(v);
    }
    let otherCount = counts.reduce((s, c) => s + c, 0);
    for (const v of kept) otherCount -= counts[v]!;
    const pooledForReps: number[] = [];
    const groupsBefore = kept.length + (otherCount > 0 ? 1 : 0);
    if (reps.length > 0 && groupsBefore > reps.length) {
      // Too few reps for a rep per vertical: a vertical keeps reps of its own only if its
      // workload is worth at least one full rep, so no single rep is left with all the rest.
      const worthOneRep = (v: number): boolean => (reps.length * work[v]!) / total >= 1;
      while (
        kept.length > 0 &&
        (kept.length + (otherCount > 0 ? 1 : 0) > reps.length || !worthOneRep(kept.at(-1)!))
      ) {
        const v = kept.pop()!;
        pooledForReps.unshift(v);
        otherCount += counts[v]!;
      }
    }
    const warnings: string[] = [];
    if (pooledSmall.length > 0) {
      const why = minShare > 0 ? `below ${formatShare(minShare)} of the workload` : 'no workload';
      warnings.push(
        `${plural(pooledSmall.length, 'vertical')} pooled into "${OTHER_NAME}" (${why}): ${list(pooledSmall.map(name))}`,
      );
    }
    if (pooledForReps.length > 0) {
      warnings.push(
        `${plural(reps.length, 'rep')} for ${groupsBefore} groups: ${list(pooledForReps.map(name))} pooled into "${OTHER_NAME}"`,
      );
    }

    const labels: GroupLabel[] = kept.map((v) => ({ key: name(v), name: name(v) }));
    const other = labels.length;
    labels.push({ key: OTHER_KEY, name: OTHER_NAME });
    const groupOfVertical = new Int32Array(V + 1).fill(other);
    kept.forEach((v, g) => (groupOfVertical[v] = g));
    const groupOf = Int32Array.from(verticalOf, (v) => groupOfVertical[v]!);

    // Preference: 1 for a rep naming the vertical; for "other", the share of its work the
    // rep's verticals cover.
    const G = labels.length;
    const skillCode = Int32Array.from(industry.dictionary, (name) =>
      reps.skills.codeOf(`industry:${name}`),
    );
    const preference = new Float64Array(reps.length * G);
    let otherWork = work[V]!;
    for (const v of byWork) if (groupOfVertical[v] === other) otherWork += work[v]!;
    for (let r = 0; r < reps.length; r++) {
      kept.forEach((v, g) => {
        if (repHolds(ctx, r, skillCode[v]!)) preference[r * G + g] = 1;
      });
      if (otherWork > 0) {
        let covered = 0;
        for (const v of byWork) {
          if (groupOfVertical[v] === other && repHolds(ctx, r, skillCode[v]!)) covered += work[v]!;
        }
        preference[r * G + other] = covered / otherWork;
      }
    }
    return { groups: staffGroups(ctx, labels, groupOf, preference), warnings };
  },
};

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** Names for a warning: the first few, then how many more. */
function list(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}
