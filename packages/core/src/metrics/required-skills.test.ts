import { describe, expect, it } from 'vitest';
import { AccountTable } from '../table/account-table.js';
import { requiredSkills } from './required-skills.js';

describe('requiredSkills', () => {
  it('uses skillsRequired, else the industry, else nothing', () => {
    const accounts = AccountTable.fromRows([
      { id: 'a', industry: 'retail', skillsRequired: ['lang:es', 'segment:enterprise'] },
      { id: 'b', industry: 'healthcare' },
      { id: 'c' },
      { id: 'd', industry: 'retail', skillsRequired: ['industry:retail'] },
      { id: 'e', industry: 'retail' },
    ]);
    const skills = requiredSkills(accounts);
    expect(skills.length).toBe(5);
    expect(skills.get(0).sort()).toEqual(['lang:es', 'segment:enterprise']);
    expect(skills.get(1)).toEqual(['industry:healthcare']);
    expect(skills.get(2)).toEqual([]);
    expect(skills.get(3)).toEqual(['industry:retail']);
    // The industry tag reuses the code skillsRequired already gave the same string.
    expect(skills.get(4)).toEqual(['industry:retail']);
    expect(skills.codes[skills.offsets[4]!]).toBe(skills.codes[skills.offsets[3]!]);
  });
});
