import { requiredSkills, type AccountTable, type Plan, type RepTable } from '@tessera/core';

export interface UnmatchedSkills {
  /** Assigned accounts whose rep lacks one of the skills they need. */
  accounts: number;
  workload: number;
  /** Per missing skill, how many accounts miss it; most first. */
  bySkill: { skill: string; accounts: number }[];
}

/**
 * Assigned accounts served by a rep without a skill they need (the same reading of "needs" as
 * the skill-match metric: listed skills, else `industry:<industry>`).
 */
export function unmatchedSkills(
  accounts: AccountTable,
  reps: RepTable,
  plan: Plan,
): UnmatchedSkills {
  const needed = requiredSkills(accounts);
  const repOf = plan.repOf(reps);
  const held = Array.from({ length: reps.length }, (_, r) => new Set(reps.skills.get(r)));
  // repHolds[r * S + s]: whether rep r holds needed-skill code s.
  const S = needed.dictionary.length;
  const repHolds = new Uint8Array(reps.length * S);
  for (let r = 0; r < reps.length; r++) {
    for (let s = 0; s < S; s++) repHolds[r * S + s] = held[r]!.has(needed.dictionary[s]!) ? 1 : 0;
  }
  const missing = new Float64Array(S);
  let count = 0;
  let workload = 0;
  for (let i = 0; i < accounts.length; i++) {
    const r = repOf[i]!;
    if (r < 0) continue;
    let matched = true;
    for (let k = needed.offsets[i]!; k < needed.offsets[i + 1]!; k++) {
      const s = needed.codes[k]!;
      if (repHolds[r * S + s] === 0) {
        matched = false;
        missing[s]!++;
      }
    }
    if (!matched) {
      count++;
      const w = accounts.workload[i]!;
      if (w > 0) workload += w;
    }
  }
  const bySkill = [...missing]
    .map((n, s) => ({ skill: needed.dictionary[s]!, accounts: n }))
    .filter((entry) => entry.accounts > 0)
    .sort((a, b) => b.accounts - a.accounts || a.skill.localeCompare(b.skill));
  return { accounts: count, workload, bySkill };
}
