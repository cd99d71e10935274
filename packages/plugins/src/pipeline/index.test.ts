import {
  AccountTable,
  computeMetrics,
  findPlanFault,
  planToCsv,
  RepTable,
  runStrategy,
  type AccountInput,
  type Plan,
  type RepInput,
} from '@tessera/core';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { nearest } from '../nearest/index.js';
import { territoryStrategies } from '../territory-strategies.js';
import { createPipelinePlugin } from './create-pipeline-plugin.js';
import { pipeline } from './index.js';

const plugin = createPipelinePlugin([nearest]);
const SIZE_INDUSTRY = {
  stages: [{ split: 'size' }, { split: 'industry', params: { minShare: 0.05 } }],
  territories: { strategy: 'nearest' },
};

const tierOf = (employees: number): string =>
  employees >= 1000 ? 'enterprise' : employees >= 100 ? 'midmarket' : 'smb';

const csv = (plan: Plan, accounts: AccountTable): string => [...planToCsv(plan, accounts)].join('');

/** For each territory, the distinct values of `key` among its accounts. */
function valuesPerTerritory(plan: Plan, key: (i: number) => string, skip?: Uint8Array) {
  const out = new Map<number, Set<string>>();
  plan.territoryOf.forEach((t, i) => {
    if (t < 0 || skip?.[i] === 1) return;
    let set = out.get(t);
    if (!set) out.set(t, (set = new Set()));
    set.add(key(i));
  });
  return [...out.values()];
}

describe('pipeline', () => {
  let accounts: AccountTable;
  let reps: RepTable;
  beforeAll(() => {
    ({ accounts, reps } = generateSample({
      accounts: 3000,
      reps: 24,
      seed: 5,
      places: loadUsPlaces(),
    }));
  });

  it('runs size → industry → final strategy end to end: no territory mixes tiers', async () => {
    const locks = new Uint8Array(accounts.length);
    const { plan, warnings } = await runStrategy(
      plugin,
      { accounts, reps, locks, seed: 1 },
      SIZE_INDUSTRY,
    );
    expect(findPlanFault(plan, accounts, reps, locks)).toBeNull();
    expect(plan.territories).toHaveLength(24);
    expect(plan.territoryOf.every((t) => t >= 0)).toBe(true);
    for (const tiers of valuesPerTerritory(plan, (i) => tierOf(accounts.employees[i]!))) {
      expect(tiers.size).toBe(1);
    }
    // Within a tier each territory serves one vertical, or the pooled "other".
    for (const territory of plan.territories) {
      expect(territory.name).toMatch(/^(Enterprise|Mid-market|SMB) · [a-z-]+|Other · /);
    }
    // What every tier says is said once, naming the tiers with their own counts.
    const pooled = warnings?.filter((w) => w.includes('pooled into "Other" (below 5%'));
    expect(pooled).toHaveLength(1);
    expect(pooled?.[0]).toMatch(
      /^verticals pooled into "Other" \(below 5% of the workload\): \d+ in Enterprise \(.+\); \d+ in Mid-market \(.+\); \d+ in SMB \(.+\)$/,
    );
  });

  it('keeps locked accounts with their owner, even across tiers', async () => {
    const { plan } = await runStrategy(plugin, { accounts, reps, seed: 1 }, SIZE_INDUSTRY);
    const repOf = plan.repOf(reps);
    let locked = 0;
    for (let i = 0; i < accounts.length; i++) {
      const owner = accounts.owner.get(i);
      if (accounts.locked[i] === 1 && owner !== null && reps.indexOf(owner) >= 0) {
        expect(repOf[i]).toBe(reps.indexOf(owner));
        locked++;
      }
    }
    expect(locked).toBeGreaterThan(10);
    // Only locked accounts may sit in a territory of another tier.
    for (const tiers of valuesPerTerritory(
      plan,
      (i) => tierOf(accounts.employees[i]!),
      accounts.locked,
    )) {
      expect(tiers.size).toBe(1);
    }
  });

  it('serves more workload with skilled reps than the final strategy alone', async () => {
    const alone = await runStrategy(
      plugin,
      { accounts, reps },
      { territories: { strategy: 'nearest' } },
    );
    const split = await runStrategy(
      plugin,
      { accounts, reps },
      { stages: [{ split: 'industry' }], territories: { strategy: 'nearest' } },
    );
    const share = (plan: Plan) => computeMetrics(accounts, reps, plan).skillMatch.share;
    expect(share(split.plan)).toBeGreaterThan(share(alone.plan) + 0.2);
  });

  it('gives the same plan for the same seed', async () => {
    const first = await runStrategy(plugin, { accounts, reps, seed: 9 }, SIZE_INDUSTRY);
    const second = await runStrategy(plugin, { accounts, reps, seed: 9 }, SIZE_INDUSTRY);
    expect(csv(second.plan, accounts)).toBe(csv(first.plan, accounts));
    expect(second.plan.territories).toEqual(first.plan.territories);
  });

  it('reports monotone progress and stops when aborted', async () => {
    const seen: number[] = [];
    await runStrategy(plugin, { accounts, reps, onProgress: (f) => seen.push(f) }, SIZE_INDUSTRY);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.length).toBeGreaterThan(10);
    const controller = new AbortController();
    await expect(
      runStrategy(
        plugin,
        {
          accounts,
          reps,
          signal: controller.signal,
          onProgress: (f) => {
            if (f > 0.3) controller.abort(new Error('cancelled'));
          },
        },
        SIZE_INDUSTRY,
      ),
    ).rejects.toThrow('cancelled');
  });

  // The built-in pipeline builds territories with geographic unless told otherwise.
  const hasGeographic = territoryStrategies.some((p) => p.id === 'geographic');
  it.skipIf(!hasGeographic)('defaults the final strategy to geographic', async () => {
    const { plan } = await runStrategy(
      pipeline,
      { accounts, reps, seed: 3 },
      { stages: [{ split: 'size' }, { split: 'industry' }] },
    );
    expect(findPlanFault(plan, accounts, reps)).toBeNull();
    expect(plan.territories).toHaveLength(24);
    expect(plan.territoryOf.every((t) => t >= 0)).toBe(true);
    for (const tiers of valuesPerTerritory(
      plan,
      (i) => tierOf(accounts.employees[i]!),
      accounts.locked,
    )) {
      expect(tiers.size).toBe(1);
    }
  });
});

describe('pipeline on awkward inputs', () => {
  const someReps = RepTable.fromRows([
    { id: 'r1', lat: 40, lon: -74, level: 3 },
    { id: 'r2', lat: 34, lon: -118, level: 1 },
    { id: 'r3', lat: 41.9, lon: -87.6, level: 2 },
  ]);
  const run = (accountRows: AccountInput[], repTable: RepTable = someReps) => {
    const table = AccountTable.fromRows(accountRows);
    return runStrategy(plugin, { accounts: table, reps: repTable }, SIZE_INDUSTRY).then(
      (result) => ({ ...result, table, repIds: repsOf(result.plan, repTable) }),
    );
  };
  const repsOf = (plan: Plan, repTable: RepTable) =>
    Array.from(plan.repOf(repTable), (r) => (r < 0 ? null : repTable.id.get(r)));
  const spread = (count: number, extra: Partial<AccountInput> = {}): AccountInput[] =>
    Array.from({ length: count }, (_, i) => ({
      id: `a${i}`,
      lat: 30 + (i % 10),
      lon: -100 + (i % 7),
      employees: [5, 500, 5000][i % 3]!,
      industry: ['retail', 'health'][i % 2]!,
      workload: 1 + (i % 4),
      ...extra,
    }));

  it('handles an empty dataset', async () => {
    const { plan } = await run([]);
    expect(plan.territoryOf).toHaveLength(0);
  });

  it('handles one account', async () => {
    const { repIds } = await run(spread(1));
    expect(repIds).toHaveLength(1);
    expect(repIds[0]).not.toBeNull();
  });

  it('handles one rep: everything pooled to that rep', async () => {
    const one = RepTable.fromRows([{ id: 'solo', lat: 40, lon: -90 }]);
    const { repIds, warnings } = await run(spread(30), one);
    expect(new Set(repIds)).toEqual(new Set(['solo']));
    expect(warnings?.[0]).toBe(
      '1 rep for 3 tiers: Enterprise + Mid-market + SMB share reps and territories',
    );
  });

  it('handles more reps than accounts', async () => {
    const { repIds } = await run(spread(2));
    expect(repIds.every((r) => r !== null)).toBe(true);
  });

  it('handles no reps: everything unassigned', async () => {
    const { repIds } = await run(spread(5), RepTable.fromRows([]));
    expect(repIds).toEqual([null, null, null, null, null]);
  });

  it('handles zero workloads, no coordinates and one point', async () => {
    expect((await run(spread(12, { workload: 0 }))).repIds.every((r) => r !== null)).toBe(true);
    const noCoordinates = await run(spread(12, { lat: null, lon: null }));
    expect(noCoordinates.plan.territoryOf).toHaveLength(12);
    expect((await run(spread(12, { lat: 40, lon: -90 }))).repIds.every((r) => r !== null)).toBe(
      true,
    );
  });

  it('handles accounts without industry or size data', async () => {
    const { repIds } = await run(
      Array.from({ length: 6 }, (_, i) => ({ id: `x${i}`, lat: 35 + i, lon: -95 })),
    );
    expect(repIds.every((r) => r !== null)).toBe(true);
  });
});

describe('pipeline properties', () => {
  const repRow = fc.record({
    level: fc.option(fc.integer({ min: 1, max: 4 })),
    lat: fc.double({ min: 25, max: 49, noNaN: true }),
    lon: fc.double({ min: -124, max: -67, noNaN: true }),
    skills: fc.subarray(['industry:a', 'industry:b', 'industry:c', 'segment:enterprise']),
  });
  const accountRow = (repCount: number) =>
    fc.record({
      lat: fc.option(fc.double({ min: 25, max: 49, noNaN: true })),
      lon: fc.double({ min: -124, max: -67, noNaN: true }),
      industry: fc.option(fc.constantFrom('a', 'b', 'c', 'd')),
      employees: fc.option(fc.constantFrom(3, 150, 2000)),
      workload: fc.option(fc.double({ min: 0, max: 10, noNaN: true })),
      owner: fc.option(fc.integer({ min: 0, max: repCount })),
      locked: fc.boolean(),
    });
  const dataset = fc.integer({ min: 0, max: 6 }).chain((repCount) =>
    fc.record({
      reps: fc.array(repRow, { minLength: repCount, maxLength: repCount }),
      accounts: fc.array(accountRow(repCount), { maxLength: 40 }),
      stages: fc.subarray([
        { split: 'size' },
        { split: 'industry', params: { minShare: 0.1 } },
      ] as const),
    }),
  );
  const sample = (d: {
    reps: { level: number | null; lat: number; lon: number; skills: string[] }[];
    accounts: {
      lat: number | null;
      lon: number;
      industry: string | null;
      employees: number | null;
      workload: number | null;
      owner: number | null;
      locked: boolean;
    }[];
  }) => {
    const repRows: RepInput[] = d.reps.map((r, k) => ({ id: `r${k}`, ...r }));
    const accountRows: AccountInput[] = d.accounts.map((a, i) => ({
      id: `a${i}`,
      ...a,
      lon: a.lat === null ? null : a.lon,
      // owner index = rep count means a rep who has left
      owner: a.owner === null ? null : `r${a.owner}`,
    }));
    return { accounts: AccountTable.fromRows(accountRows), reps: RepTable.fromRows(repRows) };
  };

  it('always returns a valid plan that keeps locked accounts with their owner', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, async (d) => {
        const { accounts, reps } = sample(d);
        const { plan } = await runStrategy(
          plugin,
          { accounts, reps },
          { stages: d.stages, territories: { strategy: 'nearest' } },
        );
        expect(findPlanFault(plan, accounts, reps)).toBeNull();
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same plan for the same seed', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, fc.integer(), async (d, seed) => {
        const { accounts, reps } = sample(d);
        const params = { stages: d.stages, territories: { strategy: 'nearest' } };
        const a = await runStrategy(plugin, { accounts, reps, seed }, params);
        const b = await runStrategy(plugin, { accounts, reps, seed }, params);
        expect(csv(b.plan, accounts)).toBe(csv(a.plan, accounts));
      }),
      { numRuns: 50 },
    );
  });
});
