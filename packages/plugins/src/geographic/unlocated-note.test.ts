import { AccountTable, RepTable, runStrategy, type AccountInput } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { geographic } from './index.js';

const reps = RepTable.fromRows([
  { id: 'east', lat: 40.71, lon: -74.01, capacity: 100 },
  { id: 'west', lat: 34.05, lon: -118.24, capacity: 100 },
]);

/** Six located accounts on each coast, then the given rows. */
function accountsWith(extra: AccountInput[]): AccountTable {
  const located = Array.from({ length: 12 }, (_, i) => ({
    id: `a${i}`,
    lat: i < 6 ? 40.7 + i * 0.01 : 34 + i * 0.01,
    lon: i < 6 ? -74 : -118.2,
    workload: 1,
    region: i < 6 ? 'ny' : 'la',
  }));
  return AccountTable.fromRows([...located, ...extra]);
}

const noPlace = (id: string, extra: Partial<AccountInput> = {}): AccountInput => ({
  id,
  workload: 2,
  ...extra,
});

async function unlocatedLine(accounts: AccountTable, params: Record<string, unknown> = {}) {
  const { warnings, plan } = await runStrategy(geographic, { accounts, reps, seed: 1 }, params);
  const lines = (warnings ?? []).filter((w) => w.includes('no coordinates'));
  return { lines, plan };
}

describe('geographic on accounts without coordinates', () => {
  it('says how many had none and that they were placed by workload', async () => {
    const accounts = accountsWith([noPlace('x1'), noPlace('x2'), noPlace('x3', { lat: 95 })]);
    const { lines, plan } = await unlocatedLine(accounts);
    expect(lines).toEqual([
      '3 of 15 accounts have no coordinates: 3 placed by workload alone, largest first, each in the territory furthest below its target; they add nothing to the distances',
    ]);
    expect(Array.from(plan.territoryOf.subarray(12)).every((t) => t >= 0)).toBe(true);
  });

  it('tells apart the ones kept by a lock and the ones that went with their unit', async () => {
    const accounts = accountsWith([
      noPlace('locked', { owner: 'west', locked: true }),
      noPlace('in-ny', { region: 'ny' }),
      noPlace('in-la-1', { region: 'la' }),
      noPlace('in-la-2', { region: 'la' }),
      noPlace('alone'),
    ]);
    const { lines } = await unlocatedLine(accounts, { units: 'region', continuityWeight: 1 });
    expect(lines).toEqual([
      "5 of 17 accounts have no coordinates: 1 placed by workload alone, largest first, each in the territory furthest below its target (or kept in its owner's territory where that had room); 1 kept with its locked rep; 3 placed with their units; they add nothing to the distances",
    ]);
  });

  it('says nothing when every account has a place', async () => {
    expect((await unlocatedLine(accountsWith([]))).lines).toEqual([]);
  });

  it('counts one account in the singular', async () => {
    const accounts = AccountTable.fromRows([noPlace('only')]);
    const { lines } = await unlocatedLine(accounts);
    expect(lines).toEqual([
      '1 of 1 account has no coordinates: 1 placed by workload alone, largest first, each in the territory furthest below its target; it adds nothing to the distances',
    ]);
  });
});
