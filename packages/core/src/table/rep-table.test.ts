import { describe, expect, it } from 'vitest';
import { RepTable } from './rep-table.js';

describe('RepTable levels', () => {
  const reps = RepTable.fromRows([
    { id: 'r1', level: 3 },
    { id: 'r2', levelLabel: 'AE II' },
    { id: 'r3', levelLabel: 'Rockstar' },
    { id: 'r4', level: 7, levelLabel: 'Senior' },
    { id: 'r5' },
  ]);

  it('keeps the label as written and ranks it when no rank is given', () => {
    expect([...reps.rows()].map((r) => [r.level, r.levelLabel])).toEqual([
      [3, null],
      [2, 'AE II'],
      [null, 'Rockstar'],
      [7, 'Senior'],
      [null, null],
    ]);
    expect(reps.level[2]).toBeNaN();
  });

  it('moves labels through toData and reads data made without them', () => {
    expect([...RepTable.fromData(reps.toData()).rows()]).toEqual([...reps.rows()]);
    const { levelLabel: _dropped, ...old } = reps.toData();
    expect(RepTable.fromData(old).row(1)).toMatchObject({ level: 2, levelLabel: null });
  });
});
