import {
  AccountTable,
  baselinePlan,
  createRandom,
  findPlanFault,
  Plan,
  RepTable,
  type SegmentContext,
} from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { nearest } from '../nearest/index.js';
import { runOnGroups, strategySolver, type AccountGroup } from './run-on-groups.js';

const reps = RepTable.fromRows([
  { id: 'ny', name: 'Nia', lat: 40.71, lon: -74.01 },
  { id: 'chi', name: 'Carl', lat: 41.88, lon: -87.63 },
  { id: 'la', name: 'Lu', lat: 34.05, lon: -118.24 },
]);

function context(accounts: AccountTable, over: Partial<SegmentContext> = {}) {
  const seen: number[] = [];
  const ctx: SegmentContext = {
    accounts,
    reps,
    baseline: baselinePlan(accounts, reps),
    locks: accounts.locked,
    random: createRandom(1),
    signal: new AbortController().signal,
    progress: (f) => seen.push(f),
    ...over,
  };
  return { ctx, seen };
}

const group = (key: string, accounts: number[], repRows: number[]): AccountGroup => ({
  key,
  name: key.toUpperCase(),
  accounts: Int32Array.from(accounts),
  reps: Int32Array.from(repRows),
});

const repIds = (plan: Plan) =>
  Array.from(plan.territoryOf, (t) => (t < 0 ? null : plan.territories[t]!.repId));

const accounts = AccountTable.fromRows([
  { id: 'philly', lat: 39.95, lon: -75.17, owner: 'chi' },
  { id: 'milwaukee', lat: 43.04, lon: -87.91 },
  { id: 'boston', lat: 42.36, lon: -71.06 },
  { id: 'sf', lat: 37.77, lon: -122.42 },
]);

describe('runOnGroups', () => {
  it('solves each group on its own and merges the plans', async () => {
    const { ctx } = context(accounts);
    // East has only chi: philly and boston go to chi although ny is nearer.
    const result = await runOnGroups(
      ctx,
      [group('east', [0, 2], [1]), group('rest', [1, 3], [0, 2])],
      strategySolver(nearest),
    );
    expect(findPlanFault(result.plan, accounts, reps)).toBeNull();
    expect(repIds(result.plan)).toEqual(['chi', 'ny', 'chi', 'la']);
    expect(result.plan.territories.map((t) => [t.id, t.name])).toEqual([
      ['T-chi', 'EAST · Carl'],
      ['T-ny', 'REST · Nia'],
      ['T-la', 'REST · Lu'],
    ]);
  });

  it('gives each group its subset tables, locks, baseline and a forked random source', async () => {
    const { ctx } = context(accounts, { locks: Uint8Array.of(0, 1, 0, 0) });
    const seen: { ids: string[]; reps: string[]; locks: number[]; baseline: (string | null)[] }[] =
      [];
    await runOnGroups(ctx, [group('a', [0, 1], [0, 1]), group('b', [2, 3], [2])], (sub) => {
      seen.push({
        ids: [...sub.accounts.id.values()],
        reps: [...sub.reps.id.values()],
        locks: [...sub.locks],
        baseline: repIds(sub.baseline),
      });
      return { plan: Plan.fromRepAssignment(sub.reps, new Int32Array(sub.accounts.length)) };
    });
    expect(seen).toEqual([
      { ids: ['philly', 'milwaukee'], reps: ['ny', 'chi'], locks: [0, 1], baseline: ['chi', null] },
      { ids: ['boston', 'sf'], reps: ['la'], locks: [0, 0], baseline: [null, null] },
    ]);
  });

  it('draws the same random numbers per group for the same seed', async () => {
    const draws = async () => {
      const { ctx } = context(accounts);
      const out: number[] = [];
      await runOnGroups(ctx, [group('a', [0, 1], [0]), group('b', [2, 3], [1, 2])], (sub) => {
        out.push(sub.random.next());
        return strategySolver(nearest)(sub);
      });
      return out;
    };
    const first = await draws();
    expect(await draws()).toEqual(first);
    expect(first[0]).not.toBe(first[1]);
  });

  it('moves a locked account into its owner’s group', async () => {
    const locked = AccountTable.fromRows([
      { id: 'philly', lat: 39.95, lon: -75.17, owner: 'la', locked: true },
      { id: 'boston', lat: 42.36, lon: -71.06 },
    ]);
    const { ctx } = context(locked);
    const result = await runOnGroups(
      ctx,
      [group('east', [0, 1], [0]), group('west', [], [2])],
      strategySolver(nearest),
    );
    expect(repIds(result.plan)).toEqual(['la', 'ny']);
    expect(result.warnings).toContain('1 locked account follows its owner into another group');
  });

  it('brings a rep left out of every group to its locked accounts', async () => {
    const locked = AccountTable.fromRows([
      { id: 'philly', lat: 39.95, lon: -75.17, owner: 'chi', locked: true },
      { id: 'boston', lat: 42.36, lon: -71.06 },
    ]);
    const { ctx } = context(locked);
    const result = await runOnGroups(ctx, [group('east', [0, 1], [0])], strategySolver(nearest));
    expect(findPlanFault(result.plan, locked, reps)).toBeNull();
    expect(repIds(result.plan)).toEqual(['chi', 'ny']);
  });

  it('leaves accounts unassigned, with a warning, when their group has no rep or there is no group', async () => {
    const { ctx } = context(accounts);
    const result = await runOnGroups(
      ctx,
      [group('a', [0, 1], []), group('b', [2], [0])],
      strategySolver(nearest),
    );
    expect(repIds(result.plan)).toEqual([null, null, 'ny', null]);
    expect(result.warnings).toEqual([
      '1 account is in no group and stays unassigned',
      'A: 2 accounts have no rep in this group and stay unassigned',
    ]);
  });

  it('prefixes territory ids that clash between groups', async () => {
    const { ctx } = context(accounts);
    const result = await runOnGroups(
      ctx,
      [group('a', [0, 1], [0]), group('b', [2, 3], [1])],
      (sub) => ({
        plan: new Plan(new Int32Array(sub.accounts.length), [
          { id: 'T1', name: 'one', repId: sub.reps.id.get(0) },
        ]),
      }),
    );
    expect(result.plan.territories.map((t) => t.id)).toEqual(['a/T1', 'b/T1']);
    expect(findPlanFault(result.plan, accounts, reps)).toBeNull();
  });

  it('names the group whose plan is invalid', async () => {
    const { ctx } = context(accounts);
    await expect(
      runOnGroups(ctx, [group('a', [0, 1], [0])], () => ({
        plan: new Plan(new Int32Array(1), []),
      })),
    ).rejects.toThrow('group "A": the plan covers 1 accounts, the table has 2');
  });

  it('rejects groups that share an account or a rep', async () => {
    const { ctx } = context(accounts);
    const solve = strategySolver(nearest);
    await expect(
      runOnGroups(ctx, [group('a', [0, 1], [0]), group('b', [1], [1])], solve),
    ).rejects.toThrow('account "milwaukee" is in groups "a" and "b"');
    await expect(
      runOnGroups(ctx, [group('a', [0], [0]), group('b', [1], [0])], solve),
    ).rejects.toThrow('rep "ny" is in groups "a" and "b"');
    await expect(
      runOnGroups(ctx, [group('a', [0], []), group('a', [1], [])], solve),
    ).rejects.toThrow('group key "a" is used twice');
  });

  it('scales progress into each group’s share, never going back', async () => {
    const { ctx, seen } = context(accounts);
    await runOnGroups(ctx, [group('a', [0], [0]), group('b', [1, 2, 3], [1])], (sub) => {
      sub.progress(0.5);
      return strategySolver(nearest)(sub);
    });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    // a holds (1 + 1) / (4 + 2) of the work, b the remaining (3 + 1) / 6
    expect(seen).toContain(1 / 6);
    expect(seen.at(-1)).toBeCloseTo(1, 12);
  });

  it('stops when the signal is aborted between groups', async () => {
    const controller = new AbortController();
    const { ctx } = context(accounts, { signal: controller.signal });
    let calls = 0;
    await expect(
      runOnGroups(ctx, [group('a', [0, 1], [0]), group('b', [2, 3], [1])], (sub) => {
        calls++;
        controller.abort(new Error('stop'));
        return strategySolver(nearest)(sub);
      }),
    ).rejects.toThrow('stop');
    expect(calls).toBe(1);
  });

  it('reports an infeasible group with the worst deviation', async () => {
    const { ctx } = context(accounts);
    const result = await runOnGroups(
      ctx,
      [group('a', [0, 1], [0]), group('b', [2, 3], [1])],
      (sub, g) => ({
        plan: Plan.fromRepAssignment(sub.reps, new Int32Array(sub.accounts.length)),
        infeasible: { reason: 'too lumpy', achievedDeviation: g.key === 'a' ? 0.2 : 0.4 },
      }),
    );
    expect(result.infeasible).toEqual({
      reason: 'A: too lumpy; B: too lumpy',
      achievedDeviation: 0.4,
    });
  });
});
