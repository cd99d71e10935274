import { Plan } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { runScenario, type ScenarioRun } from '../run/run-scenario.js';
import type { ScenarioInput } from '../schema/scenario-schema.js';
import { twoCities } from '../testing/two-cities.js';
import { compareRuns } from './compare-runs.js';
import { movedAccountList } from './moved-account-list.js';
import { ABSENT_ROW, UNASSIGNED_ROW } from './types.js';

const dataset = twoCities();
const run = (name: string, over: Partial<ScenarioInput> = {}): Promise<ScenarioRun> =>
  runScenario(dataset, { version: 1, name, strategy: { id: 'nearest', params: {} }, ...over });

describe('compareRuns', () => {
  it('counts every account once in the flow matrix and lists exactly the moved ones', async () => {
    const a = await run('nearest');
    const b = await run('geo', { strategy: { id: 'geographic', params: {} } });
    const comparison = compareRuns([a, b]);
    const [pair] = comparison.pairs;
    const total = pair!.flow.accounts.flat().reduce((s, x) => s + x, 0);
    expect(total).toBe(60);
    // Hand count: accounts whose rep differs.
    const repA = a.plan.repOf(a.edited.reps);
    const repB = b.plan.repOf(b.edited.reps);
    let moved = 0;
    for (let i = 0; i < 60; i++) if (repA[i] !== repB[i]) moved++;
    expect(pair!.accountsMoved).toBe(moved);
    const list = movedAccountList([a, b], pair!);
    expect(list).toHaveLength(moved);
    for (const m of list) {
      const i = a.edited.accounts.indexOf(m.accountId);
      expect(m.fromRep).toBe(a.edited.reps.id.get(repA[i]!));
      expect(m.toRep).toBe(b.edited.reps.id.get(repB[i]!));
    }
    expect(comparison.deltas[0]).toEqual(
      Object.fromEntries(Object.keys(comparison.deltas[0]!).map((k) => [k, 0])),
    );
    expect(comparison.deltas[1]!['balance.workload.maxDeviation']).toBeCloseTo(
      b.metrics.balance.workload.maxDeviation - a.metrics.balance.workload.maxDeviation,
    );
  });

  it('follows added, removed and unassigned accounts and removed reps', async () => {
    const a = await run('today');
    const b = await run('changed', {
      edits: [
        { type: 'remove-accounts', accounts: { ids: ['e00', 'm00'] } },
        { type: 'add-accounts', accounts: [{ id: 'n1', lat: 41.9, lon: -87.6, workload: 3 }] },
        { type: 'remove-rep', rep: 'chi2' },
      ],
    });
    const comparison = compareRuns([a, b]);
    const pair = comparison.pairs[0]!;
    const { flow } = pair;
    expect(flow.from.slice(-2)).toEqual([UNASSIGNED_ROW, ABSENT_ROW]);
    const absentRow = flow.from.length - 1;
    const absentCol = flow.to.length - 1;
    expect(flow.accounts[absentRow]!.reduce((s, x) => s + x, 0)).toBe(1); // n1 is new
    expect(flow.accounts.reduce((s, row) => s + row[absentCol]!, 0)).toBe(2); // e00, m00 gone
    const list = movedAccountList([a, b], pair);
    expect(list.find((m) => m.accountId === 'n1')).toMatchObject({
      from: ABSENT_ROW,
      fromRep: null,
    });
    expect(list.find((m) => m.accountId === 'e00')).toMatchObject({ to: ABSENT_ROW, toRep: null });
    // chi2 is gone in b: its workload is null there, and its accounts all moved.
    const chi2 = comparison.reps.find((r) => r.repId === 'chi2')!;
    expect(chi2.workload[0]).toBeGreaterThan(0);
    expect(chi2.workload[1]).toBeNull();
    expect(chi2.change[1]).toBeNull();
    expect(list.some((m) => m.fromRep === 'chi2')).toBe(true);
    expect(list.every((m) => m.toRep !== 'chi2')).toBe(true);
  });

  it('compares up to four scenarios pairwise', async () => {
    const runs = await Promise.all([
      run('a'),
      run('b', { strategy: { id: 'geographic', params: {} } }),
      run('c', { strategy: { id: 'geographic', params: { continuityWeight: 2 } } }),
      run('d', { edits: [{ type: 'remove-rep', rep: 'ny1' }] }),
    ]);
    const comparison = compareRuns(runs);
    expect(comparison.pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    expect(comparison.scenarios.map((s) => s.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(comparison.continuity[3]!.accountsMovedShare).toBe(
      runs[3].metrics.continuity.accountsMovedShare,
    );
    // Comparing a scenario with itself moves nothing.
    expect(compareRuns([runs[1], runs[1]]).pairs[0]!.accountsMoved).toBe(0);
  });

  it('refuses fewer than two or more than four', async () => {
    const a = await run('a');
    expect(() => compareRuns([a])).toThrow('compare takes 2 to 4 scenarios, got 1');
    expect(() => compareRuns([a, a, a, a, a])).toThrow('compare takes 2 to 4 scenarios, got 5');
  });

  it('measures every scenario against the first one’s baseline, and keeps each one’s own', async () => {
    const today = await run('today', { strategy: { id: 'geographic', params: {} } });
    // B runs on top of a plan (every account with rep ny1 or chi1 by city)
    const plan = Plan.fromRepAssignment(
      dataset.reps,
      Int32Array.from({ length: 60 }, (_, i) => (i < 30 ? 0 : 2)),
    );
    // and keeps it: every account locked there.
    const onPlan = await runScenario(
      { ...dataset, baseline: plan },
      {
        version: 1,
        name: 'on a plan',
        edits: [{ type: 'lock', accounts: { filter: 'all' } }],
        strategy: { id: 'nearest', params: {} },
      },
    );
    const comparison = compareRuns([today, onPlan]);
    expect(comparison.reference).toEqual({ scenario: 0, name: 'today', kind: 'owners' });

    // By hand: B's rep against today's owners (A's baseline), accounts and revenue.
    const repB = onPlan.plan.repOf(onPlan.edited.reps);
    let moved = 0;
    let revenue = 0;
    let movedRevenue = 0;
    let differs = 0;
    for (let i = 0; i < 60; i++) {
      const owner = dataset.accounts.owner.get(i);
      const r = dataset.accounts.revenue[i]!;
      revenue += r;
      if (onPlan.edited.reps.id.get(repB[i]!) !== owner) {
        moved++;
        movedRevenue += r;
      }
      if (onPlan.edited.accounts.owner.get(i) !== owner) differs++;
    }
    expect(differs).toBe(30); // ny2 and chi2 own half of today's accounts
    expect(comparison.continuity[1]!.accountsMovedShare).toBeCloseTo(moved / 60);
    expect(comparison.continuity[1]!.revenueMovedShare).toBeCloseTo(movedRevenue / revenue);
    expect(comparison.continuity[0]).toEqual(today.metrics.continuity);
    expect(comparison.scenarios[1]!.metrics.continuity).toEqual(comparison.continuity[1]);
    expect(comparison.deltas[1]!['continuity.accountsMovedShare']).toBeCloseTo(
      moved / 60 - today.metrics.continuity.accountsMovedShare,
    );
    expect(comparison.baselines).toEqual([
      { kind: 'owners', differsFromReference: 0, ownContinuity: today.metrics.continuity },
      { kind: 'plan', differsFromReference: 30, ownContinuity: onPlan.metrics.continuity },
    ]);
    // Nothing moves against its own plan; half the accounts against today's owners.
    expect(onPlan.metrics.continuity.accountsMovedShare).toBe(0);
    expect(comparison.continuity[1]!.accountsMovedShare).toBe(0.5);
  });
});
