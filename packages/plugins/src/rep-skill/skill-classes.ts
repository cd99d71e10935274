import { requiredSkills, type AccountTable, type RepTable } from '@tessera/core';

/**
 * Accounts grouped by the exact set of skills they need. The needs come from core's
 * `requiredSkills` only (an account's `skills_required` tags, else `industry:<industry>`), so
 * this strategy optimises the very skill match that `computeMetrics` reports.
 */
export interface SkillClasses {
  /** Each account's class. */
  readonly classOf: Int32Array;
  readonly count: number;
  /** The tags each class needs, sorted; empty for accounts that need nothing. */
  readonly needs: readonly (readonly string[])[];
  /** Per class, the reps holding every needed tag, in rep order. */
  readonly matching: readonly Int32Array[];
  /** Per class, the other reps, in rep order. */
  readonly others: readonly Int32Array[];
  /** 1 at `class × reps + rep` when the rep holds every tag the class needs. */
  readonly matches: Uint8Array;
}

export async function skillClasses(
  accounts: AccountTable,
  reps: RepTable,
  pause?: () => Promise<void>,
): Promise<SkillClasses> {
  const needs = requiredSkills(accounts);
  const n = accounts.length;
  const classOf = new Int32Array(n);
  const byKey = new Map<string, number>();
  // Most accounts need zero or one tag: look those up by code, without building a string.
  const bySingle = new Int32Array(needs.dictionary.length).fill(-1);
  const classTags: number[][] = [];
  const classFor = (key: string, tags: number[]): number => {
    let c = byKey.get(key);
    if (c === undefined) {
      c = classTags.length;
      classTags.push(tags);
      byKey.set(key, c);
    }
    return c;
  };
  for (let i = 0; i < n; i++) {
    if (i % 32_768 === 32_767) await pause?.();
    const from = needs.offsets[i]!;
    const to = needs.offsets[i + 1]!;
    if (to - from === 1) {
      const code = needs.codes[from]!;
      let c = bySingle[code]!;
      if (c < 0) {
        c = classFor(String(code), [code]);
        bySingle[code] = c;
      }
      classOf[i] = c;
    } else {
      const tags = Array.from(needs.codes.subarray(from, to));
      classOf[i] = classFor(tags.join(','), tags);
    }
  }

  const count = classTags.length;
  const m = reps.length;
  const matches = new Uint8Array(count * m);
  const matching: Int32Array[] = [];
  const others: Int32Array[] = [];
  const tagNames: string[][] = [];
  for (let c = 0; c < count; c++) {
    const names = classTags[c]!.map((code) => needs.dictionary[code]!).sort();
    tagNames.push(names);
    const skillCodes = names.map((tag) => reps.skills.codeOf(tag));
    const yes: number[] = [];
    const no: number[] = [];
    for (let r = 0; r < m; r++) {
      const ok = skillCodes.every((code) => code >= 0 && reps.skills.has(r, code));
      matches[c * m + r] = ok ? 1 : 0;
      (ok ? yes : no).push(r);
    }
    matching.push(Int32Array.from(yes));
    others.push(Int32Array.from(no));
  }
  return { classOf, count, needs: tagNames, matching, others, matches };
}
