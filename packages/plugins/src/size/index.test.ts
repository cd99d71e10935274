import { AccountTable, findPlanFault, RepTable, runStrategy, type Plan } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { nearest } from '../nearest/index.js';
import { createSizePlugin, size } from './index.js';

const plugin = createSizePlugin([nearest]);
const FINAL = { strategy: 'nearest' };

const reps = RepTable.fromRows([
  { id: 'senior', lat: 40.71, lon: -74.01, level: 4 },
  { id: 'mid', lat: 41.88, lon: -87.63, level: 2 },
  { id: 'junior', lat: 41.9, lon: -87.6, level: 1 },
]);

// Big and small accounts side by side in New York and Chicago.
const accounts = AccountTable.fromRows([
  { id: 'ny-big', lat: 40.7, lon: -74, employees: 5000, workload: 10 },
  { id: 'chi-big', lat: 41.9, lon: -87.6, employees: 2000, workload: 10 },
  { id: 'ny-small', lat: 40.7, lon: -74, employees: 20, workload: 5 },
  { id: 'chi-small', lat: 41.9, lon: -87.6, employees: 15, workload: 5 },
  { id: 'ny-mid', lat: 40.7, lon: -74, employees: 300, workload: 3 },
]);

const repIds = (plan: Plan) => Array.from(plan.repOf(reps), (r) => (r < 0 ? null : reps.id.get(r)));

describe('size', () => {
  it('keeps each tier to its own reps, the senior rep on the largest tier', async () => {
    const { plan } = await runStrategy(plugin, { accounts, reps }, { territories: FINAL });
    expect(findPlanFault(plan, accounts, reps)).toBeNull();
    // Chicago's big account goes to the enterprise rep in New York, not to a Chicago rep.
    expect(repIds(plan)).toEqual(['senior', 'senior', 'junior', 'junior', 'mid']);
    expect(plan.territories.map((t) => t.name)).toEqual([
      'Enterprise · senior',
      'Mid-market · mid',
      'SMB · junior',
    ]);
  });

  it('takes tiers from its parameters', async () => {
    const { plan } = await runStrategy(
      plugin,
      { accounts, reps },
      {
        tiers: [{ id: 'key', name: 'Key accounts', minEmployees: 1000 }, { id: 'rest' }],
        territories: FINAL,
      },
    );
    const byTerritory = Array.from(
      plan.territoryOf,
      (t) => plan.territories[t]!.name.split(' · ')[0],
    );
    expect(byTerritory).toEqual(['Key accounts', 'Key accounts', 'rest', 'rest', 'rest']);
  });

  it('names a bad parameter', async () => {
    await expect(
      runStrategy(plugin, { accounts, reps }, { tiers: [{ id: 'x', minEmployees: -5 }] }),
    ).rejects.toThrow(
      'strategy "size": parameter "tiers.0.minEmployees": must be at least 0, got -5',
    );
    await expect(
      runStrategy(
        plugin,
        { accounts, reps },
        { territories: { strategy: 'nearest', params: { k: 1 } } },
      ),
    ).rejects.toThrow(
      'strategy "size": parameter "territories.params": nearest: unknown key "k" (none are allowed here)',
    );
  });

  it('is registered with geographic as its default final strategy', () => {
    expect(size.id).toBe('size');
    expect(size.params.safeParse({ territories: { strategy: 'nearest' } }).success).toBe(true);
  });
});
