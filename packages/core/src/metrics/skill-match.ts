import type { AccountTable } from '../table/account-table.js';
import type { SkillLookup } from './required-skills.js';
import { weightOf } from './weight.js';

/**
 * Share of the assigned accounts' workload served by a rep holding every skill the account
 * requires (see `requiredSkills`). An account that requires nothing counts as matched; one in an
 * unstaffed territory that requires something does not. Workload missing or below 0 counts as 0;
 * when the assigned workload totals 0 every account weighs 1. No assigned account gives 1.
 */
export function skillMatchShare(
  accounts: AccountTable,
  lookup: SkillLookup,
  territoryOf: Int32Array,
  territoryRep: Int32Array,
): number {
  const { offsets, codes } = accounts.skillsRequired;
  const industry = accounts.industry.codes;
  const { tagSkill, industrySkill, skillCount, repHas } = lookup;
  const workload = accounts.workload;
  let total = 0;
  let matched = 0;
  let count = 0;
  let matchedCount = 0;
  for (let i = 0; i < territoryOf.length; i++) {
    const t = territoryOf[i]!;
    if (t < 0) continue;
    const r = territoryRep[t]!;
    const row = r * skillCount;
    let ok = true;
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    if (to > from) {
      for (let k = from; k < to; k++) {
        const s = tagSkill[codes[k]!]!;
        if (r < 0 || s < 0 || repHas[row + s] !== 1) {
          ok = false;
          break;
        }
      }
    } else {
      const code = industry[i]!;
      if (code >= 0) {
        const s = industrySkill[code]!;
        ok = r >= 0 && s >= 0 && repHas[row + s] === 1;
      }
    }
    const wi = weightOf(workload[i]!);
    total += wi;
    count++;
    if (ok) {
      matched += wi;
      matchedCount++;
    }
  }
  if (count === 0) return 1;
  return total > 0 ? matched / total : matchedCount / count;
}
