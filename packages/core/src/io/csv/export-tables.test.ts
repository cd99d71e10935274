import { describe, expect, it } from 'vitest';
import { Plan } from '../../plan/plan.js';
import { AccountTable } from '../../table/account-table.js';
import { RepTable } from '../../table/rep-table.js';
import { accountsToCsv, planToCsv, repsToCsv } from './export-tables.js';
import { importAccountsCsv } from './import-accounts.js';
import { importPlanCsv } from './import-plan.js';
import { importRepsCsv } from './import-reps.js';

const accounts = AccountTable.fromRows([
  {
    id: 'A1',
    name: 'Smith, Jones & "Co"',
    lat: 40.712776,
    lon: -73.9,
    postalCode: '02139',
    region: 'Northeast',
    country: 'US',
    industry: 'healthcare',
    employees: 120,
    annualRevenue: 0.1 + 0.2,
    potential: 1e21,
    revenue: 5e-7,
    workload: 12.5,
    owner: 'R1',
    locked: true,
    skillsRequired: ['industry:healthcare', 'lang:es'],
    attributes: { Tier: 'gold', 'Note, long': 'line one\nline two' },
  },
  {
    id: '-A2',
    name: '=cmd|"/c calc"!A1',
    region: '@risk',
    industry: '+plus',
    attributes: { Tier: '' },
  },
  { id: 'A3', name: 'Société Générale 北京 🚀', lat: -33.86, lon: 151.2, locked: false },
]);

const reps = RepTable.fromRows([
  {
    id: 'R1',
    name: 'Ana López',
    lat: 40.4,
    lon: -3.7,
    capacity: 100,
    skills: ['lang:es', 'segment:smb'],
    level: 2,
    attributes: { team: 'East' },
  },
  { id: 'R2', name: 'Bo', capacity: 0 },
]);

describe('accountsToCsv', () => {
  it('writes the header first, then one line per account', () => {
    const chunks = [...accountsToCsv(accounts)];
    expect(chunks[0]).toBe(
      'id,name,lat,lon,postal_code,region,country,industry,employees,annual_revenue,potential,revenue,workload,owner,locked,skills_required,Tier,"Note, long"\n',
    );
    const text = chunks.join('');
    expect(text.split('\n')[1]).toBe(
      'A1,"Smith, Jones & ""Co""",40.712776,-73.9,02139,Northeast,US,healthcare,120,0.30000000000000004,1e+21,5e-7,12.5,R1,true,industry:healthcare;lang:es,gold,"line one',
    );
  });

  it('escapes formula-like text but never numbers', () => {
    const text = [...accountsToCsv(accounts)].join('');
    expect(text).toContain(`'-A2,"'=cmd|""/c calc""!A1",,,,'@risk,,'+plus,`);
    expect(text).toContain(',-73.9,');
    expect(text).toContain(',-33.86,151.2,');
  });

  it('round-trips through importAccountsCsv, attributes and unicode included', async () => {
    const { table, issues } = await importAccountsCsv([...accountsToCsv(accounts)].join(''));
    expect(issues).toEqual([]);
    expect(table.toData()).toEqual(accounts.toData());
    expect([...table.rows()]).toEqual([...accounts.rows()]);
  });

  it('round-trips when the chunks are streamed', async () => {
    const { table } = await importAccountsCsv(accountsToCsv(accounts));
    expect([...table.rows()]).toEqual([...accounts.rows()]);
  });

  it('writes only the header for an empty table', () => {
    expect([...accountsToCsv(AccountTable.fromRows([]))]).toHaveLength(1);
  });

  it('splits a large table into several chunks', () => {
    const many = AccountTable.fromRows(Array.from({ length: 3000 }, (_, i) => ({ id: `A${i}` })));
    const chunks = [...accountsToCsv(many)];
    expect(chunks.length).toBe(4);
    expect(chunks.join('').split('\n')).toHaveLength(3002);
  });
});

describe('repsToCsv', () => {
  it('round-trips through importRepsCsv', async () => {
    const text = [...repsToCsv(reps)].join('');
    expect(text.split('\n')[0]).toBe('id,name,lat,lon,capacity,skills,level,team');
    expect(text.split('\n')[1]).toBe('R1,Ana López,40.4,-3.7,100,lang:es;segment:smb,2,East');
    const { table } = await importRepsCsv(text);
    expect(table.toData()).toEqual(reps.toData());
  });
});

describe('planToCsv', () => {
  it('writes one row per account, unassigned and unstaffed cells empty', async () => {
    const plan = new Plan(Int32Array.from([1, -1, 0]), [
      { id: 'T-east', name: 'East', repId: 'R1' },
      { id: 'T=pool', name: 'Pool', repId: null },
    ]);
    const text = [...planToCsv(plan, accounts)].join('');
    expect(text).toBe("account_id,territory_id,rep_id\nA1,T=pool,\n'-A2,,\nA3,T-east,R1\n");
    const back = await importPlanCsv(text, accounts, reps);
    expect([...back.territoryOf]).toEqual([0, -1, 1]);
    expect(back.territories).toEqual([
      { id: 'T=pool', name: 'T=pool', repId: null },
      { id: 'T-east', name: 'T-east', repId: 'R1' },
    ]);
  });

  it('refuses a plan made for another table', () => {
    const plan = new Plan(new Int32Array(2), []);
    expect(() => [...planToCsv(plan, accounts)]).toThrow('plan covers 2 accounts');
  });
});
