import { describe, expect, it } from 'vitest';
import { AccountTable } from './account-table.js';
import { concatAccounts } from './concat.js';

describe('concatAccounts', () => {
  const a = AccountTable.fromRows([
    { id: 'a1', name: 'Acme', region: 'West', industry: 'retail', potential: 10, owner: 'r1' },
    {
      id: 'a2',
      region: 'East',
      skillsRequired: ['lang:es', 'industry:retail'],
      attributes: { tier: 'gold' },
      locked: true,
    },
  ]);
  const b = AccountTable.fromRows([
    { id: 'b1', name: 'Böhm GmbH', region: 'North', workload: 3, skillsRequired: ['lang:de'] },
    {
      id: 'b2',
      region: 'West',
      skillsRequired: ['lang:es', 'industry:healthcare'],
      attributes: { source: 'crm' },
    },
  ]);

  it('keeps every row of both tables, in order, with its values', () => {
    const joined = concatAccounts(a, b);
    expect(joined.length).toBe(4);
    const rows = [...joined.rows()];
    expect(rows.map((r) => r.id)).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(rows.map((r) => r.region)).toEqual(['West', 'East', 'North', 'West']);
    expect(rows[2]!.name).toBe('Böhm GmbH');
    expect(rows[0]!.potential).toBe(10);
    expect(rows[2]!.workload).toBe(3);
    expect(rows[1]!.locked).toBe(true);
    expect(rows[3]!.skillsRequired.sort()).toEqual(['industry:healthcare', 'lang:es']);
    expect(rows[1]!.attributes).toEqual({ tier: 'gold' });
    expect(rows[3]!.attributes).toEqual({ source: 'crm' });
    expect(joined.indexOf('b2')).toBe(3);
  });

  it("keeps the first table's dictionary codes", () => {
    const joined = concatAccounts(a, b);
    expect(joined.region.codeOf('West')).toBe(a.region.codeOf('West'));
    expect(joined.region.codes[3]).toBe(a.region.codeOf('West'));
  });

  it('keeps tags in dictionary order for has()', () => {
    const joined = concatAccounts(a, b);
    const es = joined.skillsRequired.codeOf('lang:es');
    expect(joined.skillsRequired.has(3, es)).toBe(true);
    const codes = joined.skillsRequired.codes.subarray(
      joined.skillsRequired.offsets[3],
      joined.skillsRequired.offsets[4],
    );
    expect([...codes]).toEqual([...codes].sort((x, y) => x - y));
  });

  it('refuses an id both tables hold', () => {
    expect(() => concatAccounts(a, AccountTable.fromRows([{ id: 'a2' }]))).toThrow(
      'account id "a2" appears twice',
    );
  });

  it('joins with an empty table', () => {
    expect(concatAccounts(a, AccountTable.fromRows([])).length).toBe(2);
    expect([...concatAccounts(AccountTable.fromRows([]), b).rows()].map((r) => r.id)).toEqual([
      'b1',
      'b2',
    ]);
  });
});
