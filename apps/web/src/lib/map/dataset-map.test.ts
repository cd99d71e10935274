import { AccountTable, Plan, RepTable } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { datasetMap } from './dataset-map.ts';

const reps = RepTable.fromRows([
  { id: 'R1', name: 'Ada', lat: 40, lon: -74 },
  { id: 'R2', name: 'Bo', lat: 34, lon: -118 },
  { id: 'R3', name: 'Cy' }, // no home base: no marker
]);

function accounts(owners: (string | null)[]) {
  return AccountTable.fromRows(
    owners.map((owner, i) => ({
      id: `A${i}`,
      name: i === 0 ? 'Acme' : '',
      lat: 35 + i,
      lon: -100 + i,
      workload: i + 1,
      owner,
    })),
  );
}

describe('datasetMap', () => {
  it('colours by the imported baseline plan when there is one', () => {
    const table = accounts(['R1', 'R2', null]);
    const baseline = new Plan(Int32Array.from([1, 1, 0]), [
      { id: 'east', name: 'East', repId: 'R1' },
      { id: 'west', name: 'West', repId: null },
    ]);
    const map = datasetMap({
      accounts: table.toData(),
      reps: reps.toData(),
      baseline: baseline.toData(),
    });
    expect(map.colouredBy).toBe('baseline');
    expect([...map.accounts.territory]).toEqual([1, 1, 0]);
    expect(map.territories).toEqual([
      { id: 'east', name: 'East', repName: 'Ada' },
      { id: 'west', name: 'West', repName: undefined },
    ]);
    expect(map.reps.map((r) => [r.id, r.territory])).toEqual([
      ['R1', 0],
      ['R2', undefined],
    ]);
  });

  it("falls back to today's owners, one territory per rep", () => {
    const map = datasetMap({
      accounts: accounts(['R2', 'R9', null]).toData(),
      reps: reps.toData(),
    });
    expect(map.colouredBy).toBe('owners');
    expect(map.territories.map((t) => t.repName)).toEqual(['Ada', 'Bo', 'Cy']);
    // R9 left: its account is unassigned, as is the one without an owner.
    expect([...map.accounts.territory]).toEqual([1, -1, -1]);
    expect(map.reps.map((r) => r.territory)).toEqual([0, 1]);
  });

  it('is one colour without plan or owners', () => {
    const map = datasetMap({ accounts: accounts([null, null]).toData(), reps: reps.toData() });
    expect(map.colouredBy).toBe('none');
    expect(map.territories).toEqual([{ id: 'all', name: 'All accounts' }]);
    expect([...map.accounts.territory]).toEqual([0, 0]);
  });

  it('hands the columns over without copying them', () => {
    const data = accounts(['R1', 'R2']).toData();
    const map = datasetMap({ accounts: data, reps: reps.toData() });
    expect(map.accounts.lon).toBe(data.measures.lon);
    expect(map.accounts.lat).toBe(data.measures.lat);
    expect(map.accounts.weight).toBe(data.measures.workload);
    expect(map.accountLabel(0)).toEqual({ id: 'A0', name: 'Acme' });
    expect(map.accountLabel(1)).toEqual({ id: 'A1', name: undefined });
  });

  it('says when the plan does not fit the accounts', () => {
    const baseline = new Plan(Int32Array.from([0]), [{ id: 't', name: 'T', repId: null }]);
    expect(() =>
      datasetMap({
        accounts: accounts([null, null]).toData(),
        reps: reps.toData(),
        baseline: baseline.toData(),
      }),
    ).toThrow('the baseline plan covers 1 accounts but the dataset has 2');
  });
});
