import { AccountTable, computeMetrics, RepTable, runStrategy, type Plan } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { nearest } from '../nearest/index.js';
import { createIndustryPlugin, industry } from './index.js';

const plugin = createIndustryPlugin([nearest]);
const FINAL = { strategy: 'nearest' };

const reps = RepTable.fromRows([
  { id: 'ana', lat: 40.71, lon: -74.01, skills: ['industry:retail'] },
  { id: 'bo', lat: 40.72, lon: -74.0, skills: ['industry:healthcare'] },
  { id: 'cy', lat: 41.88, lon: -87.63, skills: [] },
]);

const accounts = AccountTable.fromRows([
  { id: 'shop-ny', lat: 40.7, lon: -74, industry: 'retail', workload: 10 },
  { id: 'clinic-ny', lat: 40.7, lon: -74, industry: 'healthcare', workload: 10 },
  { id: 'clinic-chi', lat: 41.9, lon: -87.6, industry: 'healthcare', workload: 10 },
  { id: 'shop-chi', lat: 41.9, lon: -87.6, industry: 'retail', workload: 10 },
  { id: 'farm', lat: 41.9, lon: -87.6, industry: 'agriculture', workload: 1 },
]);

const repIds = (plan: Plan) => Array.from(plan.repOf(reps), (r) => (r < 0 ? null : reps.id.get(r)));

describe('industry', () => {
  it('serves each vertical with the reps skilled in it, small verticals pooled', async () => {
    const { plan, warnings } = await runStrategy(
      plugin,
      { accounts, reps },
      { minShare: 0.05, territories: FINAL },
    );
    // retail 20 and healthcare 20 get one rep each (the skilled ones); agriculture (1/41)
    // is pooled into "other", which gets the third rep.
    expect(repIds(plan)).toEqual(['ana', 'bo', 'bo', 'ana', 'cy']);
    expect(warnings).toEqual([
      '1 vertical pooled into "Other" (below 5% of the workload): agriculture',
    ]);
    expect(computeMetrics(accounts, reps, plan).skillMatch.share).toBeCloseTo(40 / 41, 12);
  });

  it('gives a small vertical its own rep when minShare is 0', async () => {
    const { plan } = await runStrategy(
      plugin,
      { accounts, reps },
      { minShare: 0, territories: FINAL },
    );
    expect(plan.territories.map((t) => t.name)).toEqual([
      'healthcare · bo',
      'retail · ana',
      'agriculture · cy',
    ]);
  });

  it('names a bad parameter', async () => {
    await expect(
      runStrategy(plugin, { accounts, reps }, { minShare: -0.1, territories: FINAL }),
    ).rejects.toThrow('strategy "industry": parameter "minShare": must be at least 0, got -0.1');
    await expect(
      runStrategy(plugin, { accounts, reps }, { territories: { strategy: 'nope' } }),
    ).rejects.toThrow('parameter "territories.strategy": unknown strategy "nope" (known: nearest)');
  });

  it('is registered under its id', () => {
    expect(industry.id).toBe('industry');
  });
});
