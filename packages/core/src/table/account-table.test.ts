import { describe, expect, it } from 'vitest';
import { AccountTable } from './account-table.js';

describe('AccountTable', () => {
  const table = AccountTable.fromRows([
    {
      id: 'a1',
      name: 'Acme',
      lat: 40.7,
      lon: -74,
      industry: 'retail',
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
      skillsRequired: ['lang:de', 'lang:de'],
    },
  ]);

  it('reads rows back with missing values as null', () => {
    expect(table.length).toBe(2);
    expect(table.row(1)).toMatchObject({
      id: 'a2',
      name: 'Zürich Bänk',
      lat: null,
      owner: null,
      locked: true,
      skillsRequired: ['lang:de'],
      attributes: {},
    });
    expect(table.row(0).attributes).toEqual({ tier: 'gold' });
    expect(table.indexOf('a2')).toBe(1);
    expect(table.indexOf('nope')).toBe(-1);
  });

  it('round-trips through its transferable data without losing anything', () => {
    const copy = AccountTable.fromData(structuredClone(table.toData()));
    expect([...copy.rows()]).toEqual([...table.rows()]);
    expect(table.transferables().length).toBeGreaterThan(10);
  });

  it('moves to a worker by transfer: the buffers detach', () => {
    const t = AccountTable.fromRows([{ id: 'x', workload: 1 }]);
    const data = t.toData();
    const moved = structuredClone(data, { transfer: t.transferables() });
    expect(t.workload.byteLength).toBe(0);
    expect(AccountTable.fromData(moved).row(0).workload).toBe(1);
  });

  it('rejects duplicate ids', () => {
    expect(() => AccountTable.fromRows([{ id: 'a' }, { id: 'a' }])).toThrow(/"a" appears twice/);
  });
});
