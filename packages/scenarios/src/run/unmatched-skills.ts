import { requiredSkills, type AccountTable, type Plan, type RepTable } from '@tessera/core';

export interface UnmatchedSkills {
  /** Assigned accounts whose rep lacks one of the skills they need. */
  accounts: number;
  workload: number;
  /** Per missing skill, how many accounts miss it; most first. */
  bySkill: { skill: string; accounts: number }[];
  /** The missing skills no rep on the team holds: no plan can serve them, only hiring. */
  unheld: string[];
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
  const heldByAnyone = new Set(held.flatMap((skills) => [...skills]));
  const unheld = bySkill.map((entry) => entry.skill).filter((skill) => !heldByAnyone.has(skill));
  return { accounts: count, workload, bySkill, unheld };
}

/** How many skills a warning names before "…". */
const NAMED_SKILLS = 3;

/**
 * One sentence for the accounts served without a skill they need: the skills most missed, and
 * apart from them the ones nobody on the team holds (which only a hire or a new skill fixes).
 */
export function unmatchedSkillsWarning(unmatched: UnmatchedSkills): string {
  const n = unmatched.accounts;
  const counts = new Map(unmatched.bySkill.map((entry) => [entry.skill, entry.accounts]));
  const named = (skills: readonly string[]): string =>
    skills
      .slice(0, NAMED_SKILLS)
      .map((skill) => `${skill} (${(counts.get(skill) ?? 0).toLocaleString('en-US')})`)
      .join(', ') + (skills.length > NAMED_SKILLS ? ', …' : '');
  const unheld = new Set(unmatched.unheld);
  const held = unmatched.bySkill.map((entry) => entry.skill).filter((skill) => !unheld.has(skill));
  const parts = [
    held.length > 0 ? named(held) : '',
    unheld.size > 0 ? `no rep holds ${named(unmatched.unheld)}` : '',
  ].filter(Boolean);
  return `${n.toLocaleString('en-US')} account${n === 1 ? ' is' : 's are'} served by a rep without a skill ${n === 1 ? 'it needs' : 'they need'}: ${parts.join('; ')}`;
}
