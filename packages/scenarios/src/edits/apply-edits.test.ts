import { AccountTable, Plan, RepTable, baselinePlan } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioInput } from '../schema/scenario-schema.js';
import { twoCities } from '../testing/two-cities.js';
import { applyEdits } from './apply-edits.js';

const edit = (edits: ScenarioInput['edits'], areas: ScenarioInput['areas'] = {}) =>
  applyEdits(twoCities(), parseScenario({ version: 1, name: 't', edits, areas }));

describe('applyEdits', () => {
  it('leaves the source dataset untouched and shares what no edit changed', () => {
    const dataset = twoCities();
    const before = Float64Array.from(dataset.accounts.potential);
    const edited = applyEdits(
      dataset,
      parseScenario({
        version: 1,
        name: 't',
        edits: [
          { type: 'scale', measure: 'potential', factor: 2, accounts: { filter: 'all' } },
          { type: 'lock', accounts: { ids: ['e00'] } },
        ],
      }),
    );
    expect(dataset.accounts.potential).toEqual(before);
    expect(dataset.accounts.locked[0]).toBe(0);
    expect(edited.accounts.potential[0]).toBe(before[0]! * 2);
    expect(edited.accounts.workload).toBe(dataset.accounts.workload);
    expect(edited.sourceAccounts).toBe(dataset.accounts);
  });

  it('adds, removes, moves and resizes reps', () => {
    const edited = edit([
      {
        type: 'add-rep',
        rep: { id: 'den1', lat: 39.74, lon: -104.99, capacity: 250, skills: ['lang:es'] },
      },
      { type: 'remove-rep', rep: 'ny2' },
      { type: 'move-rep', rep: 'chi2', lat: 43.04, lon: -87.91 },
      { type: 'set-capacity', rep: 'chi1', capacity: 120 },
    ]);
    const reps = [...edited.reps.rows()];
    expect(reps.map((r) => r.id)).toEqual(['ny1', 'chi1', 'chi2', 'den1']);
    expect(reps[3]).toMatchObject({ capacity: 250, skills: ['lang:es'], lat: 39.74 });
    expect(reps[2]).toMatchObject({ lat: 43.04, lon: -87.91 });
    expect(reps[1]!.capacity).toBe(120);
    expect(edited.log).toEqual([
      'edit 1 (add-rep): added rep "den1" (capacity 250)',
      'edit 2 (remove-rep): removed rep "ny2"',
      'edit 3 (move-rep): moved rep "chi2" to 43.04, -87.91',
      'edit 4 (set-capacity): capacity of "chi1" 300 → 120',
    ]);
  });

  it('reassigns accounts by filter: the strategy sees them owned and locked by the new rep', () => {
    const edited = edit([
      {
        type: 'reassign',
        accounts: { filter: 'region = "East" and industry = "retail"' },
        to: 'chi1',
      },
    ]);
    const { accounts, strategyAccounts } = edited;
    let moved = 0;
    for (let i = 0; i < accounts.length; i++) {
      const row = accounts.row(i);
      const pinned = row.region === 'East' && row.industry === 'retail';
      expect(strategyAccounts.owner.get(i)).toBe(pinned ? 'chi1' : row.owner);
      expect(accounts.locked[i]).toBe(pinned ? 1 : 0);
      if (pinned) moved++;
    }
    expect(moved).toBe(10);
    // Continuity is still measured against today's owners.
    expect(accounts.owner.get(accounts.indexOf('e01'))).toBe('ny2');
    expect(edited.log[0]).toBe('edit 1 (reassign): 10 accounts to "chi1", locked there');
  });

  it('locks and unlocks; unlock also undoes a reassign', () => {
    const edited = edit([
      { type: 'lock', accounts: { filter: 'region = "Midwest"' } },
      { type: 'reassign', accounts: { ids: ['e00', 'e01'] }, to: 'chi2' },
      { type: 'unlock', accounts: { ids: ['m00', 'e00'] } },
    ]);
    const { accounts, strategyAccounts } = edited;
    expect(accounts.locked[accounts.indexOf('m00')]).toBe(0);
    expect(accounts.locked[accounts.indexOf('m01')]).toBe(1);
    expect(accounts.locked[accounts.indexOf('e00')]).toBe(0);
    expect(strategyAccounts.owner.get(accounts.indexOf('e00'))).toBe('ny1');
    expect(strategyAccounts.owner.get(accounts.indexOf('e01'))).toBe('chi2');
    expect(accounts.locked[accounts.indexOf('e01')]).toBe(1);
  });

  it('scales a measure inside a polygon only', () => {
    // A box around New York.
    const box = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [-76, 39],
          [-72, 39],
          [-72, 42],
          [-76, 42],
          [-76, 39],
        ],
      ],
    };
    const dataset = twoCities();
    const edited = applyEdits(
      dataset,
      parseScenario({
        version: 1,
        name: 't',
        areas: { nyc: box },
        edits: [
          { type: 'scale', measure: 'workload', factor: 1.5, accounts: { filter: 'within "nyc"' } },
        ],
      }),
    );
    for (let i = 0; i < dataset.accounts.length; i++) {
      const east = dataset.accounts.region.get(i) === 'East';
      expect(edited.accounts.workload[i]).toBeCloseTo(
        dataset.accounts.workload[i]! * (east ? 1.5 : 1),
      );
    }
  });

  it('adds and removes accounts, keeping source rows for comparison', () => {
    const edited = edit([
      {
        type: 'remove-accounts',
        accounts: { filter: 'region = "Midwest" and industry = "software"' },
      },
      {
        type: 'add-accounts',
        accounts: [
          {
            id: 'new1',
            lat: 40.7,
            lon: -74,
            workload: 8,
            region: 'East',
            locked: true,
            owner: 'ny1',
          },
        ],
      },
    ]);
    expect(edited.accounts.length).toBe(60 - 10 + 1);
    expect(edited.accounts.indexOf('m02')).toBe(-1);
    const added = edited.accounts.indexOf('new1');
    expect(edited.sourceIndex[added]).toBe(-1);
    expect(edited.accounts.locked[added]).toBe(1);
    const m03 = edited.accounts.indexOf('m03');
    expect(edited.sourceIndex[m03]).toBe(edited.sourceAccounts.indexOf('m03'));
  });

  it('releases locks and reassignments the removal of a rep makes impossible, and says so', () => {
    const edited = edit([
      { type: 'reassign', accounts: { ids: ['m00'] }, to: 'ny2' },
      { type: 'lock', accounts: { ids: ['e01', 'e03'] } },
      { type: 'remove-rep', rep: 'ny2' },
    ]);
    const { accounts } = edited;
    expect(accounts.locked[accounts.indexOf('m00')]).toBe(0);
    expect(accounts.locked[accounts.indexOf('e01')]).toBe(0);
    expect(edited.warnings).toEqual([
      '1 reassigned account to "ny2" was released: the rep is removed from the scenario',
      '2 locked accounts of "ny2" were unlocked: the rep is not in the scenario',
    ]);
  });

  it('sums up the locks of many reps who are gone in one warning', () => {
    const edited = edit([
      { type: 'lock', accounts: { filter: 'all' } },
      { type: 'remove-rep', rep: 'ny1' },
      { type: 'remove-rep', rep: 'ny2' },
      { type: 'remove-rep', rep: 'chi1' },
      { type: 'remove-rep', rep: 'chi2' },
    ]);
    expect(edited.warnings).toEqual([
      '60 locked accounts were unlocked: their 4 reps are not in the scenario ("chi1" 15, "chi2" 15, "ny1" 15, and 1 more)',
    ]);
  });

  it('applies edits in order: a filter sees earlier edits', () => {
    const edited = edit([
      { type: 'scale', measure: 'potential', factor: 0, accounts: { filter: 'region = "East"' } },
      { type: 'remove-accounts', accounts: { filter: 'potential = 0' } },
    ]);
    expect(edited.accounts.length).toBe(30);
  });

  it('names the edit and what is wrong', () => {
    expect(() => edit([{ type: 'remove-rep', rep: 'ghost' }])).toThrow(
      'edit 1 (remove-rep): no rep "ghost" (the scenario has 4: ny1, ny2, chi1, chi2)',
    );
    expect(() =>
      edit([
        { type: 'lock', accounts: { ids: ['e00'] } },
        { type: 'lock', accounts: { ids: ['x1', 'e01', 'x2'] } },
      ]),
    ).toThrow('edit 2 (lock): no account "x1", "x2" in the scenario');
    expect(() =>
      edit([{ type: 'add-rep', rep: { id: 'ny1', lat: 0, lon: 0, capacity: 1 } }]),
    ).toThrow('edit 1 (add-rep): rep "ny1" already exists');
    expect(() => edit([{ type: 'add-accounts', accounts: [{ id: 'e05' }] }])).toThrow(
      'edit 1 (add-accounts): account "e05" already exists',
    );
    expect(() => edit([{ type: 'reassign', accounts: { ids: ['e00'] }, to: 'nobody' }])).toThrow(
      'edit 1 (reassign): no rep "nobody"',
    );
    expect(() => edit([{ type: 'lock', accounts: { filter: 'within "mars"' } }])).toThrow(
      /edit 1 \(lock\): .*mars/,
    );
  });

  it('warns about a filter that matches nothing', () => {
    const edited = edit([{ type: 'lock', accounts: { filter: 'region = "Antarctica"' } }]);
    expect(edited.warnings).toEqual([
      'edit 1 (lock): filter `region = "Antarctica"` matches no account',
    ]);
  });

  it('takes a baseline plan as today’s owners', () => {
    const dataset = twoCities();
    // Everything with chi1 today.
    const plan = new Plan(new Int32Array(dataset.accounts.length).fill(0), [
      { id: 'T', name: 'T', repId: 'chi1' },
    ]);
    const edited = applyEdits(
      { ...dataset, baseline: plan },
      parseScenario({ version: 1, name: 't' }),
    );
    const owners = baselinePlan(edited.accounts, edited.reps).repOf(edited.reps);
    expect(new Set(owners)).toEqual(new Set([edited.reps.indexOf('chi1')]));
  });
});

describe('rep levels', () => {
  // Reps as a CRM export gives them: titles, a number, an unknown title, none.
  const titled = () => {
    const dataset = twoCities();
    const levels: Record<string, { level?: number; levelLabel?: string }> = {
      ny1: { levelLabel: 'Senior AE' },
      ny2: { level: 4 },
      chi1: { levelLabel: 'Rockstar' },
      chi2: {},
    };
    const reps = RepTable.fromRows(
      [...dataset.reps.rows()].map((row) => ({
        ...row,
        level: null,
        levelLabel: null,
        ...levels[row.id],
      })),
    );
    return { ...dataset, reps };
  };
  const levelsOf = (reps: RepTable) =>
    [...reps.rows()].map((r) => [r.id, r.level, r.levelLabel] as const);

  it('keeps every rep’s title and rank through every kind of edit', () => {
    const dataset = titled();
    const before = levelsOf(dataset.reps);
    expect(before).toEqual([
      ['ny1', 3, 'Senior AE'],
      ['ny2', 4, null],
      ['chi1', null, 'Rockstar'],
      ['chi2', null, null],
    ]);
    const edited = applyEdits(
      dataset,
      parseScenario({
        version: 1,
        name: 't',
        edits: [
          { type: 'move-rep', rep: 'ny1', lat: 40.8, lon: -73.9 },
          { type: 'set-capacity', rep: 'chi1', capacity: 10 },
          { type: 'reassign', accounts: { ids: ['e00'] }, to: 'chi1' },
          { type: 'scale', measure: 'workload', factor: 2, accounts: { filter: 'all' } },
          { type: 'add-accounts', accounts: [{ id: 'x1' }] },
          { type: 'remove-accounts', accounts: { ids: ['e01'] } },
          { type: 'lock', accounts: { ids: ['e02'] } },
        ],
      }),
    );
    expect(levelsOf(edited.reps)).toEqual(before);
    const removed = applyEdits(
      dataset,
      parseScenario({ version: 1, name: 't', edits: [{ type: 'remove-rep', rep: 'ny2' }] }),
    );
    expect(levelsOf(removed.reps)).toEqual(before.filter(([id]) => id !== 'ny2'));
  });

  it('hires a rep whose level is a number or a title, ranking the title on the ladder', () => {
    const rep = { lat: 39.74, lon: -104.99, capacity: 100 };
    const edited = applyEdits(
      titled(),
      parseScenario({
        version: 1,
        name: 't',
        edits: [
          { type: 'add-rep', rep: { ...rep, id: 'den1', level: 'Senior AE II' } },
          { type: 'add-rep', rep: { ...rep, id: 'den2', level: 2 } },
          { type: 'add-rep', rep: { ...rep, id: 'den3', level: 'Rockstar' } },
          { type: 'add-rep', rep: { ...rep, id: 'den4' } },
        ],
      }),
    );
    expect(levelsOf(edited.reps).slice(4)).toEqual([
      ['den1', 3.1, 'Senior AE II'],
      ['den2', 2, null],
      ['den3', null, 'Rockstar'],
      ['den4', null, null],
    ]);
    expect(Number.isNaN(edited.reps.level[edited.reps.indexOf('den3')])).toBe(true);
  });

  it('refuses a level that is neither a number nor a title', () => {
    const rep = { id: 'x', lat: 0, lon: 0, capacity: 1, level: true };
    expect(() =>
      parseScenario({ version: 1, name: 't', edits: [{ type: 'add-rep', rep }] }),
    ).toThrow('scenario "t": edits[0].rep.level: expected a number or a string, got true');
  });
});

describe('a partial baseline', () => {
  it('warns how many accounts it leaves without owner, and asks about another dataset', () => {
    const reps = RepTable.fromRows([{ id: 'r1', lat: 0, lon: 0 }]);
    const accounts = AccountTable.fromRows(
      Array.from({ length: 4 }, (_, i) => ({ id: `a${i}`, lat: 0, lon: 0, owner: 'r1' })),
    );
    const territories = [{ id: 'T1', name: 'T1', repId: 'r1' }];
    const some = new Plan(Int32Array.from([0, 0, 0, -1]), territories);
    const few = new Plan(Int32Array.from([0, -1, -1, -1]), territories);
    const all = new Plan(Int32Array.from([0, 0, 0, 0]), territories);
    const warningsWith = (baseline: Plan): readonly string[] =>
      applyEdits({ accounts, reps, baseline }, { edits: [], areas: {} }).warnings;
    expect(warningsWith(some)).toEqual([
      'the baseline plan leaves 1 of 4 accounts (25%) without an owner: continuity counts them as unowned',
    ]);
    expect(warningsWith(few)).toEqual([
      'the baseline plan leaves 3 of 4 accounts (75%) without an owner: continuity counts them as unowned; is it for another dataset?',
    ]);
    expect(warningsWith(all)).toEqual([]);
  });
});
