import { describe, expect, it } from 'vitest';
import { mergeGroupWarnings, type GroupWarning } from './pipeline-warnings.js';

const from = (groups: string | readonly string[], text: string): GroupWarning => ({
  groups: typeof groups === 'string' ? [groups] : groups,
  text,
});

describe('mergeGroupWarnings', () => {
  it('says a warning several groups gave once, with each group’s count and names', () => {
    expect(
      mergeGroupWarnings([
        from([], '32 locked accounts follow their owner into another group'),
        from(
          'Enterprise',
          '8 verticals pooled into "Other" (below 5% of the workload): retail, mining',
        ),
        from('Enterprise', '2 reps for 8 groups: administrative, management pooled into "Other"'),
        from(
          'Mid-market',
          '13 verticals pooled into "Other" (below 5% of the workload): construction',
        ),
        from('Mid-market', '7 reps for 8 groups: hospitality pooled into "Other"'),
        from('Mid-market', '4 locked accounts follow their owner into another group'),
        from('SMB', '11 verticals pooled into "Other" (below 5% of the workload): education'),
        from('SMB', '51 locked accounts follow their owner into another group'),
      ]),
    ).toEqual([
      '32 locked accounts follow their owner into another group',
      'verticals pooled into "Other" (below 5% of the workload): 8 in Enterprise (retail, mining); 13 in Mid-market (construction); 11 in SMB (education)',
      'reps for 8 groups: 2 in Enterprise (administrative, management pooled into "Other"); 7 in Mid-market (hospitality pooled into "Other")',
      'locked accounts follow their owner into another group: 4 in Mid-market, 51 in SMB',
    ]);
  });

  it('names the groups of a sentence they all gave word for word', () => {
    expect(
      mergeGroupWarnings([
        from(['Enterprise', 'retail'], 'no rep has a home base: territory centres are free'),
        from(['SMB', 'Other'], 'no rep has a home base: territory centres are free'),
      ]),
    ).toEqual([
      'Enterprise · retail, SMB · Other: no rep has a home base: territory centres are free',
    ]);
  });

  it('takes a count of 1 for the same kind, in plural words', () => {
    expect(
      mergeGroupWarnings([
        from('Mid-market', '1 locked account follows its owner into another group'),
        from('SMB', '51 locked accounts follow their owner into another group'),
      ]),
    ).toEqual([
      'locked accounts follow their owner into another group: 1 in Mid-market, 51 in SMB',
    ]);
  });

  it('keeps each group’s sentence when more than its leading count differs', () => {
    expect(
      mergeGroupWarnings([
        from('Enterprise', '1 rep for 7 groups: retail pooled into "Other"'),
        from('SMB', '3 reps for 8 groups: finance, mining pooled into "Other"'),
        from('Enterprise', 'k raised from 3 to 5: that many reps hold locked accounts'),
        from('SMB', 'k raised from 2 to 4: that many reps hold locked accounts'),
      ]),
    ).toEqual([
      '1 rep for 7 groups in Enterprise (retail pooled into "Other"); 3 reps for 8 groups in SMB (finance, mining pooled into "Other")',
      'k raised from 3 to 5 in Enterprise, k raised from 2 to 4 in SMB: that many reps hold locked accounts',
    ]);
  });

  it('leaves a warning only one group gave, and different kinds, as they were', () => {
    expect(
      mergeGroupWarnings([
        from('SMB', '3 accounts have no rep in this group and stay unassigned'),
        from('SMB', '2 accounts without coordinates or a current owner left unassigned'),
        from([], 'a warning of the whole pipeline'),
      ]),
    ).toEqual([
      'SMB: 3 accounts have no rep in this group and stay unassigned',
      'SMB: 2 accounts without coordinates or a current owner left unassigned',
      'a warning of the whole pipeline',
    ]);
  });
});
