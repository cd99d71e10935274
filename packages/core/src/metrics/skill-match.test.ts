import { describe, expect, it } from 'vitest';
import { AccountTable } from '../table/account-table.js';
import { RepTable } from '../table/rep-table.js';
import { skillLookup } from './required-skills.js';
import { skillMatchShare } from './skill-match.js';

describe('skillMatchShare', () => {
  const reps = RepTable.fromRows([
    { id: 'r1', skills: ['lang:es', 'industry:retail'] },
    { id: 'r2', skills: ['industry:healthcare'] },
  ]);
  const accounts = AccountTable.fromRows([
    { id: 'a1', workload: 2, skillsRequired: ['lang:es'] },
    { id: 'a2', workload: 3, industry: 'healthcare' },
    { id: 'a3', workload: 1, skillsRequired: ['lang:es', 'lang:fr'], industry: 'retail' },
    { id: 'a4', workload: 4 },
    { id: 'a5', workload: 100, industry: 'retail' },
  ]);
  const lookup = skillLookup(accounts, reps);

  it('weights accounts by workload, with and without skillsRequired', () => {
    // Territory 0 → r1, territory 1 → r2; a5 unassigned (not counted).
    // a1 needs lang:es, r1 has it (2). a2 needs industry:healthcare, r1 lacks it (0).
    // a3 needs lang:es and lang:fr (its skills win over its industry), r1 lacks lang:fr (0).
    // a4 needs nothing (4). Share = (2 + 4) / (2 + 3 + 1 + 4) = 0.6.
    const territoryOf = Int32Array.from([0, 0, 0, 1, -1]);
    expect(skillMatchShare(accounts, lookup, territoryOf, Int32Array.from([0, 1]))).toBeCloseTo(
      0.6,
      12,
    );
    // Moving a2 to r2 matches its industry: (2 + 3 + 4) / 10.
    const better = Int32Array.from([0, 1, 0, 1, -1]);
    expect(skillMatchShare(accounts, lookup, better, Int32Array.from([0, 1]))).toBeCloseTo(0.9, 12);
  });

  it('leaves accounts that need a skill unmatched in an unstaffed territory', () => {
    // Only territory 0, unstaffed: a1 unmatched (2), a4 matched (4) → 4 / 6.
    const territoryOf = Int32Array.from([0, -1, -1, 0, -1]);
    expect(skillMatchShare(accounts, lookup, territoryOf, Int32Array.from([-1]))).toBeCloseTo(
      4 / 6,
      12,
    );
  });

  it('weighs each account 1 when the workload totals 0, and is 1 with nothing assigned', () => {
    const free = AccountTable.fromRows([
      { id: 'x', skillsRequired: ['lang:es'] },
      { id: 'y', skillsRequired: ['lang:de'] },
    ]);
    const freeLookup = skillLookup(free, reps);
    expect(skillMatchShare(free, freeLookup, Int32Array.from([0, 0]), Int32Array.from([0]))).toBe(
      0.5,
    );
    expect(skillMatchShare(free, freeLookup, Int32Array.from([-1, -1]), Int32Array.from([0]))).toBe(
      1,
    );
  });
});
