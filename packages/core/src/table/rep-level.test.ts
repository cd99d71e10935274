import { describe, expect, it } from 'vitest';
import { levelRank } from './rep-level.js';

describe('levelRank', () => {
  it('puts titles on the ladder, matching the numeric levels of the sample data', () => {
    const ranks = Object.fromEntries(
      [
        'Intern',
        'Associate',
        'junior',
        'Jr. AE',
        'Mid-level',
        'Intermediate',
        'Senior',
        'Sr AE',
        'Team Lead',
        'Principal',
        'Sales Manager',
        'Director',
        'Associate Director',
        'Senior Associate',
      ].map((label) => [label, levelRank(label)]),
    );
    expect(ranks).toEqual({
      Intern: 1,
      Associate: 1,
      junior: 1,
      'Jr. AE': 1,
      'Mid-level': 2,
      Intermediate: 2,
      Senior: 3,
      'Sr AE': 3,
      'Team Lead': 4,
      Principal: 4,
      'Sales Manager': 5,
      Director: 5,
      'Associate Director': 5,
      'Senior Associate': 3,
    });
  });

  it('orders roman and arabic steps within a title family', () => {
    expect(['AE I', 'AE II', 'AE III', 'AE 4', 'Level 3'].map(levelRank)).toEqual([1, 2, 3, 4, 3]);
    expect(['Senior AE', 'Senior AE II', 'Senior AE X', 'Lead AE'].map(levelRank)).toEqual([
      3, 3.1, 3.9, 4,
    ]);
  });

  it('leaves a title it does not know unranked', () => {
    expect(['Account Executive', 'Rockstar', 'AE 11', 'L3'].map(levelRank)).toEqual([
      Number.NaN,
      Number.NaN,
      Number.NaN,
      Number.NaN,
    ]);
  });
});
