import { AccountTable } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { sizeTierOf } from './size-split.js';

describe('sizeTierOf', () => {
  it('puts an account in the first default tier it qualifies for, else the last', () => {
    const employees = [5000, 1000, 999, 100, 99, 0, null];
    const accounts = AccountTable.fromRows(
      employees.map((e, i) => ({ id: `a${i}`, employees: e })),
    );
    // 0 enterprise (≥ 1000), 1 midmarket (≥ 100), 2 smb (the rest and no data)
    expect([...sizeTierOf(accounts)]).toEqual([0, 0, 1, 1, 2, 2, 2]);
  });

  it('ignores annual revenue, which the default tiers do not use', () => {
    const accounts = AccountTable.fromRows([{ id: 'a', employees: 5, annualRevenue: 1e12 }]);
    expect([...sizeTierOf(accounts)]).toEqual([2]);
  });
});
