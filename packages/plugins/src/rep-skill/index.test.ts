import {
  AccountTable,
  computeMetrics,
  definePlugin,
  RepTable,
  runStrategy,
  type AccountInput,
  type Plan,
  type RepInput,
  type StrategyPlugin,
} from '@tessera/core';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxSkillMatchShare, repSkill } from './index.js';
import { solveRepSkill } from './solve.js';

const repIds = (plan: Plan, reps: RepTable): (string | null)[] =>
  Array.from(plan.repOf(reps), (r) => (r < 0 ? null : reps.id.get(r)));

/** Workload per rep (all accounts counted at their workload, missing as 0). */
function loads(plan: Plan, accounts: AccountTable, reps: RepTable): number[] {
  const out = Array.from({ length: reps.length }, () => 0);
  plan.repOf(reps).forEach((r, i) => {
    const w = accounts.workload[i]!;
    if (r >= 0 && w > 0) out[r]! += w;
  });
  return out;
}

async function solve(
  accounts: AccountTable,
  reps: RepTable,
  params: unknown = {},
  seed: string | number = 0,
  plugin: StrategyPlugin = repSkill,
) {
  return runStrategy(plugin, { accounts, reps, seed }, params);
}

/**
 * The strategy with every threshold shrunk, so that tiny instances take the path of large
 * ones: candidate arcs only, coarse levels, a solver tolerance, and the repair's fallback.
 */
const repSkillAtScale = definePlugin({
  ...repSkill,
  segment: (ctx, params) =>
    solveRepSkill(ctx, params, {
      fullArcs: 0,
      candidates: { matching: 2, others: 1 },
      coarseFirst: 3,
      coarseLastShare: 0.5,
      largeToleranceKm: 0.5,
    }),
});

describe('rep-skill: who serves whom', () => {
  it('gives accounts to the only rep holding their skill, even a far one', async () => {
    const reps = RepTable.fromRows([
      { id: 'ny', lat: 40.71, lon: -74.01, capacity: 100, skills: ['industry:healthcare'] },
      { id: 'chi', lat: 41.88, lon: -87.63, capacity: 100, skills: ['industry:retail'] },
    ]);
    const accounts = AccountTable.fromRows([
      { id: 'milwaukee-clinic', lat: 43.04, lon: -87.91, industry: 'healthcare', workload: 10 },
      { id: 'milwaukee-shop', lat: 43.04, lon: -87.91, industry: 'retail', workload: 10 },
      { id: 'boston-shop', lat: 42.36, lon: -71.06, industry: 'retail', workload: 10 },
    ]);
    const { plan, warnings } = await solve(accounts, reps);
    expect(repIds(plan, reps)).toEqual(['ny', 'chi', 'chi']);
    expect(computeMetrics(accounts, reps, plan, { kmeans: false }).skillMatch.share).toBe(1);
    expect(warnings).toEqual([]);
  });

  it('spills to a farther rep with the skill before a nearer one without it', async () => {
    // Three accounts need es; `near` holds it but takes 10 (+5 %), `plain` is as near but
    // lacks it, `far` holds it 1000 km away. The account that loses least by the move goes.
    const reps = RepTable.fromRows([
      { id: 'near', lat: 40, lon: -100, capacity: 10, skills: ['lang:es'] },
      { id: 'plain', lat: 40, lon: -100.01, capacity: 100, skills: [] },
      { id: 'far', lat: 40, lon: -88.3, capacity: 100, skills: ['lang:es'] },
    ]);
    const accounts = AccountTable.fromRows([
      { id: 'west', lat: 40, lon: -101, workload: 5, skillsRequired: ['lang:es'] },
      { id: 'middle', lat: 40, lon: -100, workload: 5, skillsRequired: ['lang:es'] },
      { id: 'east', lat: 40, lon: -99, workload: 5, skillsRequired: ['lang:es'] },
    ]);
    const { plan } = await solve(accounts, reps);
    expect(repIds(plan, reps)).toEqual(['near', 'near', 'far']);
  });

  it('finds the far rep with the skill even when it is not among the candidates', async () => {
    // Each account's only candidates: its nearest rep with the skill (near) and its nearest
    // without (plain). The relaxation overflows near into plain; pricing the other reps then
    // finds far cheaper than the penalty, adds it, and the spill goes there as in the exact run.
    const reps = RepTable.fromRows([
      { id: 'near', lat: 40, lon: -100, capacity: 10, skills: ['lang:es'] },
      { id: 'plain', lat: 40, lon: -100.01, capacity: 100, skills: [] },
      { id: 'far', lat: 40, lon: -88.3, capacity: 100, skills: ['lang:es'] },
    ]);
    const accounts = AccountTable.fromRows([
      { id: 'west', lat: 40, lon: -101, workload: 5, skillsRequired: ['lang:es'] },
      { id: 'middle', lat: 40, lon: -100, workload: 5, skillsRequired: ['lang:es'] },
      { id: 'east', lat: 40, lon: -99, workload: 5, skillsRequired: ['lang:es'] },
    ]);
    const narrow = definePlugin({
      ...repSkill,
      segment: (ctx, params) =>
        solveRepSkill(ctx, params, {
          fullArcs: 0,
          candidates: { matching: 1, others: 1 },
          coarseFirst: 1000,
          coarseLastShare: 0.5,
          largeToleranceKm: 0,
        }),
    });
    const { plan } = await solve(accounts, reps, {}, 0, narrow);
    expect(repIds(plan, reps)).toEqual(['near', 'near', 'far']);
  });

  it('trades skill for travel when mismatchPenaltyKm says a match is worth less', async () => {
    const reps = RepTable.fromRows([
      { id: 'here', lat: 40, lon: -100, capacity: 100, skills: [] },
      { id: 'expert', lat: 40, lon: -88, capacity: 100, skills: ['industry:mining'] },
    ]);
    const accounts = AccountTable.fromRows([
      { id: 'mine', lat: 40, lon: -100.1, industry: 'mining', workload: 1 },
    ]);
    expect(repIds((await solve(accounts, reps)).plan, reps)).toEqual(['expert']);
    const cheap = await solve(accounts, reps, { mismatchPenaltyKm: 100 });
    expect(repIds(cheap.plan, reps)).toEqual(['here']);
  });

  it('reports accounts no rep can serve and sends them to the nearest rep with room', async () => {
    const reps = RepTable.fromRows([
      { id: 'a', lat: 40, lon: -100, capacity: 6, skills: ['lang:es'] },
      { id: 'b', lat: 40, lon: -95, capacity: 100, skills: ['lang:es'] },
    ]);
    const accounts = AccountTable.fromRows([
      { id: 'x1', lat: 40, lon: -100, workload: 5, skillsRequired: ['lang:zh'] },
      { id: 'x2', lat: 40, lon: -100, workload: 5, skillsRequired: ['lang:zh'] },
      { id: 'ok', lat: 40, lon: -100, workload: 1, skillsRequired: ['lang:es'] },
    ]);
    const { plan, warnings } = await solve(accounts, reps);
    const who = repIds(plan, reps);
    expect(who[2]).toBe('a');
    expect(who.filter((r) => r === 'a')).toHaveLength(2); // a has room for one of x1, x2
    expect(warnings).toEqual([
      '2 accounts need skills no rep holds (lang:zh), e.g. x1, x2: each goes to the nearest rep with room',
    ]);
  });

  it('says when the reps holding a skill are full', async () => {
    const reps = RepTable.fromRows([
      { id: 'expert', lat: 40, lon: -100, capacity: 5, skills: ['lang:es'] },
      { id: 'other', lat: 40, lon: -99, capacity: 50 },
    ]);
    const accounts = AccountTable.fromRows([
      { id: 'x1', lat: 40, lon: -100, workload: 5, skillsRequired: ['lang:es'] },
      { id: 'x2', lat: 40, lon: -100, workload: 4, skillsRequired: ['lang:es'] },
    ]);
    const { plan, warnings } = await solve(accounts, reps);
    expect(repIds(plan, reps)).toEqual(['expert', 'other']);
    expect(warnings).toEqual([
      '1 account goes to a rep without their skills: the reps holding them are full',
    ]);
  });

  it('keeps locked accounts with their owner and counts them against its capacity', async () => {
    const reps = RepTable.fromRows([
      { id: 'a', lat: 40, lon: -100, capacity: 10, skills: [] },
      { id: 'b', lat: 40, lon: -90, capacity: 100, skills: [] },
    ]);
    const accounts = AccountTable.fromRows([
      { id: 'kept', lat: 40, lon: -90, workload: 8, owner: 'a', locked: true },
      { id: 'near-a', lat: 40, lon: -100, workload: 5 },
      { id: 'gone', lat: 40, lon: -100, workload: 1, owner: 'left-the-company', locked: true },
    ]);
    const { plan } = await solve(accounts, reps);
    // a holds 8 locked and takes at most 10.5: near-a (5) must go to b; `gone` fits beside.
    expect(repIds(plan, reps)).toEqual(['a', 'b', 'a']);
  });

  it('honours the tolerance: load ≤ capacity × (1 + tolerance)', async () => {
    const reps = RepTable.fromRows([
      { id: 'a', lat: 40, lon: -100, capacity: 10 },
      { id: 'b', lat: 40, lon: -90, capacity: 100 },
    ]);
    const accounts = AccountTable.fromRows(
      Array.from({ length: 12 }, (_, i) => ({ id: `x${i}`, lat: 40, lon: -100, workload: 1 })),
    );
    for (const [tolerance, kept] of [
      [0, 10],
      [0.05, 10],
      [0.2, 12],
    ] as const) {
      const { plan } = await solve(accounts, reps, { tolerance });
      expect(loads(plan, accounts, reps)[0]).toBe(kept);
    }
  });

  it('gives a rep without a capacity an equal share of the workload', async () => {
    const reps = RepTable.fromRows([
      { id: 'unknown', lat: 40, lon: -100 },
      { id: 'b', lat: 40, lon: -90, capacity: 10 },
    ]);
    const accounts = AccountTable.fromRows(
      Array.from({ length: 10 }, (_, i) => ({ id: `x${i}`, lat: 40, lon: -100, workload: 1 })),
    );
    const { plan } = await solve(accounts, reps);
    expect(loads(plan, accounts, reps)).toEqual([5, 5]); // 10 / 2 reps, + 5 %: 5.25
  });

  it('bounds the skill-match share any plan within capacity can reach', async () => {
    const reps = RepTable.fromRows([
      { id: 'a', lat: 40, lon: -100, capacity: 10, skills: ['lang:es'] },
      { id: 'b', lat: 40, lon: -90, capacity: 100 },
    ]);
    const accounts = AccountTable.fromRows([
      { id: 'x', lat: 40, lon: -100, workload: 15, skillsRequired: ['lang:es'] },
      { id: 'y', lat: 40, lon: -100, workload: 5 },
    ]);
    // a takes 10.5 of x's 15; y needs nothing: (10.5 + 5) / 20.
    expect(await maxSkillMatchShare(accounts, reps)).toBeCloseTo(0.775, 12);
    expect(await maxSkillMatchShare(accounts, reps, { tolerance: 0.5 })).toBe(1);
    const locked = new Uint8Array([0, 1]);
    const owned = AccountTable.fromRows([
      { id: 'x', lat: 40, lon: -100, workload: 15, skillsRequired: ['lang:es'] },
      { id: 'y', lat: 40, lon: -100, workload: 5, owner: 'a' },
    ]);
    // y locked to a leaves it 5.5 for x: (5.5 + 5) / 20.
    expect(await maxSkillMatchShare(owned, reps, { locks: locked })).toBeCloseTo(0.525, 12);
  });

  it('flags a plan as infeasible when the reps cannot carry the work, and shares it out', async () => {
    const reps = RepTable.fromRows([
      { id: 'a', lat: 40, lon: -100, capacity: 2 },
      { id: 'b', lat: 40, lon: -90, capacity: 6 },
    ]);
    const accounts = AccountTable.fromRows(
      Array.from({ length: 16 }, (_, i) => ({ id: `x${i}`, lat: 40, lon: -100, workload: 1 })),
    );
    const { plan, infeasible } = await solve(accounts, reps);
    expect(loads(plan, accounts, reps)).toEqual([4, 12]);
    expect(infeasible?.reason).toBe(
      "the reps' capacity (8) cannot carry the workload (16) even with the tolerance: each rep may carry its capacity × 2",
    );
    expect(infeasible?.achievedDeviation).toBe(1);
  });
});

describe('rep-skill: awkward inputs', () => {
  const reps = RepTable.fromRows([
    { id: 'a', lat: 40, lon: -100, capacity: 10, skills: ['industry:retail'] },
    { id: 'b', lat: 41, lon: -90, capacity: 10, skills: ['industry:energy'] },
  ]);

  it('handles an empty account table and an empty rep table', async () => {
    const none = AccountTable.fromRows([]);
    expect((await solve(none, reps)).plan.territoryOf).toHaveLength(0);
    const accounts = AccountTable.fromRows([{ id: 'x', lat: 40, lon: -100, workload: 1 }]);
    const { plan, warnings } = await solve(accounts, RepTable.fromRows([]));
    expect(Array.from(plan.territoryOf)).toEqual([-1]);
    expect(warnings).toEqual(['no reps: 1 account left unassigned']);
  });

  it('handles one account, one rep, and more reps than accounts', async () => {
    const one = AccountTable.fromRows([{ id: 'x', lat: 41, lon: -91, industry: 'retail' }]);
    expect(repIds((await solve(one, reps)).plan, reps)).toEqual(['a']);
    const single = RepTable.fromRows([{ id: 'solo', capacity: 1 }]);
    const many = AccountTable.fromRows(
      Array.from({ length: 5 }, (_, i) => ({ id: `x${i}`, lat: 40 + i, lon: -100, workload: 1 })),
    );
    const { plan, infeasible } = await solve(many, single);
    expect(repIds(plan, single)).toEqual(['solo', 'solo', 'solo', 'solo', 'solo']);
    expect(infeasible).toBeDefined();
    const crowd = RepTable.fromRows(
      Array.from({ length: 30 }, (_, r) => ({ id: `r${r}`, lat: 30 + r, lon: -100, capacity: 1 })),
    );
    expect(repIds((await solve(many, crowd)).plan, crowd)).toEqual([
      'r10',
      'r11',
      'r12',
      'r13',
      'r14',
    ]);
  });

  it('places accounts without coordinates by skill and capacity, and reps without a home', async () => {
    const accounts = AccountTable.fromRows([
      { id: 'p', industry: 'energy', workload: 4 },
      { id: 'q', industry: 'retail', workload: 4 },
      { id: 'r', industry: 'retail', workload: 4 },
      { id: 's', industry: 'retail', workload: 4 },
    ]);
    const { plan, warnings } = await solve(accounts, reps);
    const who = repIds(plan, reps);
    expect(who[0]).toBe('b');
    expect(who.filter((r) => r === 'a')).toHaveLength(2); // a takes 10.5: two of q, r, s
    expect(warnings).toContain('4 accounts without coordinates placed by skill and capacity only');
    const homeless = RepTable.fromRows([
      { id: 'h', capacity: 100, skills: ['industry:energy'] },
      { id: 'k', lat: 40, lon: -100, capacity: 100, skills: ['industry:retail'] },
    ]);
    expect(repIds((await solve(accounts, homeless)).plan, homeless)).toEqual(['h', 'k', 'k', 'k']);
  });

  it('spreads accounts that all sit at one point', async () => {
    const accounts = AccountTable.fromRows(
      Array.from({ length: 20 }, (_, i) => ({ id: `x${i}`, lat: 40, lon: -95, workload: 1 })),
    );
    const { plan } = await solve(accounts, reps);
    expect(loads(plan, accounts, reps)).toEqual([10, 10]);
  });

  it('counts accounts when every workload is 0, in proportion to capacity', async () => {
    const uneven = RepTable.fromRows([
      { id: 'a', lat: 40, lon: -100, capacity: 10 },
      { id: 'b', lat: 40, lon: -90, capacity: 30 },
    ]);
    const accounts = AccountTable.fromRows(
      Array.from({ length: 8 }, (_, i) => ({ id: `x${i}`, lat: 40, lon: -100, workload: 0 })),
    );
    const who = repIds((await solve(accounts, uneven)).plan, uneven);
    expect(who.filter((r) => r === 'a')).toHaveLength(2); // 8 × 10 / 40 = 2 (+5 %: 2.1)
  });

  it('sends zero-workload accounts to their nearest matching rep when others weigh', async () => {
    const accounts = AccountTable.fromRows([
      { id: 'heavy', lat: 40, lon: -100, workload: 10, industry: 'retail' },
      { id: 'free', lat: 40, lon: -100, workload: 0, industry: 'retail' },
    ]);
    expect(repIds((await solve(accounts, reps)).plan, reps)).toEqual(['a', 'a']);
  });

  it('ends on vanishingly small workloads', async () => {
    const accounts = AccountTable.fromRows([
      { id: 'a1', workload: 5e-324, owner: 'a' },
      { id: 'a2', workload: 2.1052631578947374e-12, owner: 'a' },
    ]);
    const homeless = RepTable.fromRows([{ id: 'a' }, { id: 'b' }]);
    const { plan } = await solve(accounts, homeless);
    expect(plan.repOf(homeless).every((r) => r >= 0)).toBe(true);
  });

  it('rejects parameters it does not know or cannot use', async () => {
    const accounts = AccountTable.fromRows([{ id: 'x', lat: 40, lon: -100 }]);
    await expect(solve(accounts, reps, { k: 3 })).rejects.toThrow(
      'strategy "rep-skill": parameters: unknown key "k" (known: tolerance, mismatchPenaltyKm)',
    );
    await expect(solve(accounts, reps, { tolerance: -1 })).rejects.toThrow(
      /strategy "rep-skill": parameter "tolerance"/,
    );
  });
});

/** Accounts spread over a box, needing one of three industries; reps able to serve them all. */
function synthetic(n: number, m: number, seed: number): { accounts: AccountTable; reps: RepTable } {
  let state = seed;
  const next = (): number => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  const industries = ['energy', 'retail', 'health'];
  const rows: AccountInput[] = [];
  for (let i = 0; i < n; i++) {
    rows.push({
      id: `A${i}`,
      lat: 30 + next() * 15,
      lon: -120 + next() * 40,
      workload: 1 + Math.floor(next() * 5),
      industry: industries[i % 3]!,
    });
  }
  const accounts = AccountTable.fromRows(rows);
  let total = 0;
  for (const w of accounts.workload) total += w;
  const repRows: RepInput[] = Array.from({ length: m }, (_, r) => ({
    id: `R${r}`,
    lat: 30 + next() * 15,
    lon: -120 + next() * 40,
    capacity: (total / m) * 1.02,
    // Every industry is held by a third of the reps, so matching everything is feasible.
    skills: [`industry:${industries[r % 3]!}`],
  }));
  return { accounts, reps: RepTable.fromRows(repRows) };
}

describe('rep-skill: quality', () => {
  it('matches every account on a matchable instance large enough for coarse levels', async () => {
    const { accounts, reps } = synthetic(30_000, 75, 7);
    const { plan } = await solve(accounts, reps);
    const metrics = computeMetrics(accounts, reps, plan, { kmeans: false });
    expect(metrics.skillMatch.share).toBeGreaterThanOrEqual(0.98);
    loads(plan, accounts, reps).forEach((load, r) => {
      expect(load).toBeLessThanOrEqual(reps.capacity[r]! * 1.05 + 1e-9);
    });
  });

  it('reaches the best share generated US data allows, and ≥ 0.98 where matching is feasible', async () => {
    const { accounts, reps } = generateSample({
      accounts: 4000,
      reps: 40,
      seed: 'rep-skill-test',
      places: loadUsPlaces(),
    });
    const { plan } = await solve(accounts, reps);
    const share = computeMetrics(accounts, reps, plan, { kmeans: false }).skillMatch.share;
    const bound = await maxSkillMatchShare(accounts, reps);
    expect(share).toBeLessThanOrEqual(bound + 1e-9);
    expect(share).toBeGreaterThanOrEqual(bound - 0.01);

    // The same accounts with reps that also hold what their accounts need in `plan`: a fully
    // matched plan within capacity now exists by construction.
    const held = Array.from(reps.rows(), (row) => new Set(row.skills));
    const needs = (i: number): string[] => {
      const own = accounts.skillsRequired.get(i);
      const industry = accounts.industry.get(i);
      return own.length > 0 ? own : industry ? [`industry:${industry}`] : [];
    };
    plan.repOf(reps).forEach((r, i) => {
      for (const tag of needs(i)) held[r]!.add(tag);
    });
    const matchable = RepTable.fromRows(
      Array.from(reps.rows(), (row, r) => ({ ...row, skills: [...held[r]!] })),
    );
    expect(await maxSkillMatchShare(accounts, matchable)).toBeCloseTo(1, 9);
    const again = await solve(accounts, matchable);
    const metrics = computeMetrics(accounts, matchable, again.plan, { kmeans: false });
    expect(metrics.skillMatch.share).toBeGreaterThanOrEqual(0.98);
    loads(again.plan, accounts, matchable).forEach((load, r) => {
      expect(load).toBeLessThanOrEqual(matchable.capacity[r]! * 1.05 + 1e-9);
    });
  });
});

describe('rep-skill: contract', () => {
  const { accounts, reps } = synthetic(3000, 12, 3);

  it('gives the same plan for the same input, whatever the seed', async () => {
    const first = await solve(accounts, reps, {}, 1);
    const second = await solve(accounts, reps, {}, 'another seed');
    expect(Array.from(second.plan.territoryOf)).toEqual(Array.from(first.plan.territoryOf));
  });

  it('stops when the signal is aborted, before or during the run', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the planner'));
    await expect(
      runStrategy(repSkill, { accounts, reps, signal: controller.signal }),
    ).rejects.toThrow('cancelled by the planner');
    const big = synthetic(60_000, 60, 5);
    const later = new AbortController();
    const reason = new Error('cancelled mid-run');
    setTimeout(() => {
      later.abort(reason);
    }, 20);
    await expect(runStrategy(repSkill, { ...big, signal: later.signal })).rejects.toBe(reason);
  });

  it('reports monotone progress ending at 1', async () => {
    const seen: number[] = [];
    await runStrategy(repSkill, { accounts, reps, onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
  });
});

/**
 * Small random instances with a feasible plan by construction: every account is dealt to a
 * rep first, and each rep's capacity leaves room for that load plus one more of the largest
 * account, the condition under which the README promises every rep stays within tolerance.
 */
const instanceArb = fc
  .record({
    reps: fc.array(
      fc.record({
        lat: fc.option(fc.double({ min: 30, max: 45, noNaN: true }), { nil: null }),
        lon: fc.option(fc.double({ min: -120, max: -80, noNaN: true }), { nil: null }),
        skills: fc.subarray(['industry:a', 'industry:b', 'lang:es']),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    accounts: fc.array(
      fc.record({
        lat: fc.option(fc.double({ min: 30, max: 45, noNaN: true }), { nil: null }),
        lon: fc.double({ min: -120, max: -80, noNaN: true }),
        workload: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 })),
        industry: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }),
        spanish: fc.boolean(),
        dealt: fc.nat(),
        locked: fc.boolean(),
      }),
      { maxLength: 30 },
    ),
    tolerance: fc.constantFrom(0, 0.05, 0.2),
  })
  .map(({ reps, accounts, tolerance }) => {
    const m = reps.length;
    const load = Array.from({ length: m }, () => 0);
    let largest = 0;
    const accountRows: AccountInput[] = accounts.map((a, i) => {
      const owner = a.dealt % m;
      load[owner]! += a.workload;
      largest = Math.max(largest, a.workload);
      return {
        id: `a${i}`,
        lat: a.lat,
        lon: a.lat === null ? null : a.lon,
        workload: a.workload,
        industry: a.industry,
        skillsRequired: a.spanish ? ['lang:es'] : [],
        owner: `r${owner}`,
        locked: a.locked,
      };
    });
    const repRows: RepInput[] = reps.map((r, k) => ({
      id: `r${k}`,
      lat: r.lon === null ? null : r.lat,
      lon: r.lat === null ? null : r.lon,
      capacity: (load[k]! + largest) / (1 + tolerance) + 1,
      skills: r.skills,
    }));
    return {
      accounts: AccountTable.fromRows(accountRows),
      reps: RepTable.fromRows(repRows),
      tolerance,
    };
  });

describe('rep-skill: properties', () => {
  for (const [name, plugin] of [
    ['exact', repSkill],
    ['at scale', repSkillAtScale],
  ] as const) {
    it(`${name}: a valid, complete plan that keeps locks, within capacity, the same every time`, async () => {
      await fc.assert(
        fc.asyncProperty(instanceArb, async ({ accounts, reps, tolerance }) => {
          // runStrategy validates the plan: known territories and reps, locks honoured.
          const { plan } = await solve(accounts, reps, { tolerance }, 0, plugin);
          const repOf = plan.repOf(reps);
          expect(repOf.every((r) => r >= 0)).toBe(true);
          for (let i = 0; i < accounts.length; i++) {
            if (accounts.locked[i] === 1) {
              expect(reps.id.get(repOf[i]!)).toBe(accounts.owner.get(i));
            }
          }
          loads(plan, accounts, reps).forEach((load, r) => {
            expect(load).toBeLessThanOrEqual(reps.capacity[r]! * (1 + tolerance) + 1e-9);
          });
          const again = await solve(accounts, reps, { tolerance }, 'other', plugin);
          expect(Array.from(again.plan.territoryOf)).toEqual(Array.from(plan.territoryOf));
        }),
        { numRuns: 150, seed: 42 },
      );
    });
  }
});
