import { AccountTable, importRepsCsv, runStrategy, type Plan, type RepTable } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { nearest } from '../nearest/index.js';
import { createSizePlugin } from './index.js';

const plugin = createSizePlugin([nearest]);

const accounts = AccountTable.fromRows([
  { id: 'big', lat: 40.7, lon: -74, employees: 5000, workload: 10 },
  { id: 'mid', lat: 41.9, lon: -87.6, employees: 300, workload: 3 },
  { id: 'small', lat: 41.9, lon: -87.6, employees: 20, workload: 5 },
]);

const repIds = (plan: Plan, reps: RepTable) =>
  Array.from(plan.repOf(reps), (r) => (r < 0 ? null : reps.id.get(r)));

describe('size with level titles', () => {
  it('ranks titles on the ladder and treats an unknown title like a missing level', async () => {
    const { table: reps } = await importRepsCsv(
      'id,lat,lon,level\n' +
        'ann,41.9,-87.6,Rockstar\n' +
        'bo,41.9,-87.6,AE II\n' +
        'cy,40.7,-74,Senior AE\n',
    );
    const { plan } = await runStrategy(
      plugin,
      { accounts, reps },
      { territories: { strategy: 'nearest' } },
    );
    // Senior AE (3) takes enterprise, AE II (2) mid-market, the unranked Rockstar SMB.
    expect(repIds(plan, reps)).toEqual(['cy', 'bo', 'ann']);
  });
});
