import { describe, expect, it } from 'vitest';
import { AccountTable, type AccountInput } from './account-table.js';
import { RepTable } from './rep-table.js';
import { subsetAccounts, subsetReps } from './subset.js';

const rows: AccountInput[] = [
  {
    id: 'a1',
    name: 'Acme',
    lat: 40.7,
    lon: -74,
    industry: 'retail',
    employees: 12,
    workload: 3,
    owner: 'r1',
    attributes: { tier: 'gold' },
  },
  {
    id: 'a2',
    name: 'Zürich Bänk',
    industry: 'finance',
    workload: 5,
    locked: true,
    owner: 'r2',
    skillsRequired: ['lang:de', 'industry:finance'],
  },
  { id: 'a3', postalCode: '10001', region: 'NY', country: 'US', revenue: 7, potential: 9 },
  { id: 'ä4', annualRevenue: 1e6, skillsRequired: ['lang:fr'], attributes: { tier: 'silver' } },
];

describe('subsetAccounts', () => {
  const table = AccountTable.fromRows(rows);

  it('keeps exactly the chosen rows, in the order given', () => {
    const sub = subsetAccounts(table, Int32Array.of(3, 1));
    expect(sub.length).toBe(2);
    expect([...sub.rows()]).toEqual([
      { ...table.row(3), index: 0 },
      { ...table.row(1), index: 1 },
    ]);
    expect(sub.indexOf('a2')).toBe(1);
    expect(sub.indexOf('a1')).toBe(-1);
  });

  it('copies every row unchanged when all are chosen, from either index type', () => {
    const all = subsetAccounts(table, Uint32Array.of(0, 1, 2, 3));
    expect([...all.rows()]).toEqual([...table.rows()]);
    expect(all.workload).not.toBe(table.workload); // a copy, not a view
  });

  it('keeps the dictionaries, so codes mean the same in the subset', () => {
    const sub = subsetAccounts(table, Int32Array.of(1));
    expect(sub.industry.dictionary).toEqual(table.industry.dictionary);
    expect(sub.industry.codes[0]).toBe(table.industry.codes[1]);
    expect(sub.owner.get(0)).toBe('r2');
    expect(sub.skillsRequired.dictionary).toEqual(table.skillsRequired.dictionary);
  });

  it('gives an empty table for no indices', () => {
    const empty = subsetAccounts(table, new Int32Array(0));
    expect(empty.length).toBe(0);
    expect(empty.attributes.get('tier')?.length).toBe(0);
  });

  it('rejects an index out of range or chosen twice', () => {
    expect(() => subsetAccounts(table, Int32Array.of(0, 4))).toThrow(
      'account subset: index 4 at position 1 is outside 0..3',
    );
    expect(() => subsetAccounts(table, Int32Array.of(-1))).toThrow(/index -1/);
    expect(() => subsetAccounts(table, Int32Array.of(2, 2))).toThrow(
      'account subset: row 2 is chosen twice',
    );
  });

  it('gathers a large table', () => {
    const n = 50_000;
    const big = AccountTable.fromRows(
      Array.from({ length: n }, (_, i) => ({ id: `A${i}`, workload: i, industry: `v${i % 7}` })),
    );
    const odd = Int32Array.from({ length: n / 2 }, (_, k) => 2 * k + 1);
    const sub = subsetAccounts(big, odd);
    expect(sub.length).toBe(n / 2);
    expect(sub.id.get(100)).toBe('A201');
    expect(sub.workload[100]).toBe(201);
    expect(sub.industry.get(100)).toBe('v5');
  });
});

describe('subsetReps', () => {
  const reps = RepTable.fromRows([
    { id: 'r1', name: 'Ana', lat: 1, lon: 2, capacity: 10, level: 3, skills: ['industry:retail'] },
    { id: 'r2', capacity: 5, attributes: { team: 'east' } },
    { id: 'r3', levelLabel: 'AE I', skills: ['lang:es', 'segment:smb'] },
  ]);

  it('keeps exactly the chosen reps, in the order given', () => {
    const sub = subsetReps(reps, Int32Array.of(2, 0));
    expect([...sub.rows()]).toEqual([
      { ...reps.row(2), index: 0 },
      { ...reps.row(0), index: 1 },
    ]);
    expect(sub.indexOf('r1')).toBe(1);
    expect(sub.skills.dictionary).toEqual(reps.skills.dictionary);
  });

  it('rejects a repeated rep', () => {
    expect(() => subsetReps(reps, Int32Array.of(1, 1))).toThrow(
      'rep subset: row 1 is chosen twice',
    );
  });
});
