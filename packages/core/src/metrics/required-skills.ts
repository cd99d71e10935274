import type { AccountTable } from '../table/account-table.js';
import type { RepTable } from '../table/rep-table.js';
import { TagColumn } from '../table/tag-column.js';

/** The tag an account's industry stands for when it lists no required skills. */
export function industrySkill(industry: string): string {
  return `industry:${industry}`;
}

/**
 * The skills each account needs, as a {@link TagColumn} with one row per account: its
 * `skillsRequired` tags when it has any; otherwise `industry:<industry>` when the industry is
 * set; otherwise none (such an account needs nothing and any rep serves it).
 */
export function requiredSkills(accounts: AccountTable): TagColumn {
  const tags = accounts.skillsRequired;
  const industry = accounts.industry;
  const dictionary = [...tags.dictionary];
  const industryCode = Int32Array.from(industry.dictionary, (name) => {
    const tag = industrySkill(name);
    const existing = tags.codeOf(tag);
    if (existing >= 0) return existing;
    dictionary.push(tag);
    return dictionary.length - 1;
  });
  const n = accounts.length;
  const offsets = new Uint32Array(n + 1);
  let used = 0;
  for (let i = 0; i < n; i++) {
    const own = tags.offsets[i + 1]! - tags.offsets[i]!;
    used += own > 0 ? own : industry.codes[i]! >= 0 ? 1 : 0;
    offsets[i + 1] = used;
  }
  const codes = new Int32Array(used);
  for (let i = 0; i < n; i++) {
    const from = tags.offsets[i]!;
    const to = tags.offsets[i + 1]!;
    if (to > from) codes.set(tags.codes.subarray(from, to), offsets[i]);
    else if (offsets[i + 1]! > offsets[i]!) codes[offsets[i]!] = industryCode[industry.codes[i]!]!;
  }
  return new TagColumn({ offsets, codes, dictionary });
}

/**
 * What the skill-match pass needs to test "does rep r hold every skill account i requires"
 * without building strings per account: the accounts' tag codes and industry codes translated
 * into the reps' skill dictionary (-1 when no rep has that skill), and a rep × skill table.
 */
export interface SkillLookup {
  tagSkill: Int32Array;
  industrySkill: Int32Array;
  skillCount: number;
  /** 1 at `rep * skillCount + skill` when the rep holds the skill. */
  repHas: Uint8Array;
}

export function skillLookup(accounts: AccountTable, reps: RepTable): SkillLookup {
  const skills = reps.skills;
  const skillCount = skills.dictionary.length;
  const repHas = new Uint8Array(reps.length * skillCount);
  for (let r = 0; r < reps.length; r++) {
    for (let k = skills.offsets[r]!; k < skills.offsets[r + 1]!; k++) {
      repHas[r * skillCount + skills.codes[k]!] = 1;
    }
  }
  return {
    tagSkill: Int32Array.from(accounts.skillsRequired.dictionary, (tag) => skills.codeOf(tag)),
    industrySkill: Int32Array.from(accounts.industry.dictionary, (name) =>
      skills.codeOf(industrySkill(name)),
    ),
    skillCount,
    repHas,
  };
}
