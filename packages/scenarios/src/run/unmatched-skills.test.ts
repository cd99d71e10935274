import { AccountTable, Plan, RepTable } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { unmatchedSkills, unmatchedSkillsWarning } from './unmatched-skills.js';

describe('unmatchedSkillsWarning', () => {
  it('names the skills most missed, and apart the ones no rep holds', () => {
    const reps = RepTable.fromRows([
      { id: 'r1', skills: ['industry:retail'] },
      { id: 'r2', skills: ['industry:software'] },
    ]);
    const industries = ['software', 'software', 'retail', 'mining', 'mining', 'mining'];
    const accounts = AccountTable.fromRows(
      industries.map((industry, i) => ({ id: `a${i}`, industry, workload: 1 })),
    );
    // Everyone with r1: the software accounts miss a skill r2 holds, mining one nobody holds.
    const plan = Plan.fromRepAssignment(reps, new Int32Array(6));
    const unmatched = unmatchedSkills(accounts, reps, plan);
    expect(unmatched.unheld).toEqual(['industry:mining']);
    expect(unmatchedSkillsWarning(unmatched)).toBe(
      '5 accounts are served by a rep without a skill they need: industry:software (2); no rep holds industry:mining (3)',
    );
  });
});
