import { AccountTable, Plan, RepTable } from '@tessera/core';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { decodeDataset, encodeDataset } from './dataset-codec.js';

describe('dataset codec', () => {
  it('round-trips tables and a baseline', () => {
    const accounts = AccountTable.fromRows([
      { id: 'a', lat: 40.7, lon: -74, industry: 'retail', workload: 3, owner: 'r1', locked: true },
      { id: 'b', postalCode: '10001', attributes: { tier: 'gold' } },
    ]);
    const reps = RepTable.fromRows([{ id: 'r1', skills: ['lang:es'], capacity: 10 }]);
    const baseline = new Plan(Int32Array.of(0, -1), [{ id: 'T1', name: 'One', repId: 'r1' }]);
    const back = decodeDataset(encodeDataset({ accounts, reps, baseline }));
    expect([...back.accounts.rows()]).toEqual([...accounts.rows()]);
    expect([...back.reps.rows()]).toEqual([...reps.rows()]);
    expect(back.baseline?.territoryOf).toEqual(baseline.territoryOf);
    expect(back.baseline?.territories).toEqual(baseline.territories);
  });

  it('compresses the parts, and still reads parts stored uncompressed', () => {
    const accounts = AccountTable.fromRows(
      Array.from({ length: 5000 }, (_, i) => ({ id: `a${i}`, industry: 'retail', workload: 1 })),
    );
    const reps = RepTable.fromRows([{ id: 'r1' }]);
    const parts = encodeDataset({ accounts, reps });
    const plain = serialize(accounts.toData());
    expect(parts.accounts.byteLength).toBeLessThan(plain.byteLength / 3);
    const back = decodeDataset({ accounts: plain, reps: serialize(reps.toData()), baseline: null });
    expect([...back.accounts.rows()]).toEqual([...accounts.rows()]);
    expect(back.baseline).toBeUndefined();
  });
});
