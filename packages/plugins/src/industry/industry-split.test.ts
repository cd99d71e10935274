import {
  AccountTable,
  baselinePlan,
  createRandom,
  RepTable,
  type AccountInput,
  type RepInput,
  type SegmentContext,
} from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { industrySplit, industrySplitParams } from './industry-split.js';

function divide(accountRows: AccountInput[], repRows: RepInput[], params: object = {}) {
  const accounts = AccountTable.fromRows(accountRows);
  const reps = RepTable.fromRows(repRows);
  const ctx: SegmentContext = {
    accounts,
    reps,
    baseline: baselinePlan(accounts, reps),
    locks: accounts.locked,
    random: createRandom(0),
    signal: new AbortController().signal,
    progress: () => undefined,
  };
  const { groups, warnings } = industrySplit.divide(ctx, industrySplitParams.parse(params));
  return {
    warnings,
    groups: groups.map((g) => ({
      key: g.key,
      accounts: Array.from(g.accounts, (i) => accounts.id.get(i)),
      reps: Array.from(g.reps, (r) => reps.id.get(r)),
    })),
  };
}

/** `count` accounts of one vertical, `workload` each. */
const vertical = (industry: string | null, count: number, workload = 1): AccountInput[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `${industry ?? 'none'}-${i}`,
    industry,
    workload,
  }));

const plainReps = (count: number, skills: string[][] = []): RepInput[] =>
  Array.from({ length: count }, (_, r) => ({ id: `r${r}`, skills: skills[r] ?? [] }));

const repCounts = (groups: { key: string; reps: string[] }[]) =>
  Object.fromEntries(groups.map((g) => [g.key, g.reps.length]));

describe('industrySplit', () => {
  it('apportions reps to verticals by workload, largest remainder', () => {
    // workloads 60 : 25 : 15 over 7 reps → quotas 4.2, 1.75, 1.05 → 4, 2, 1
    const { groups } = divide(
      [...vertical('retail', 60), ...vertical('finance', 25), ...vertical('health', 15)],
      plainReps(7),
      { minShare: 0 },
    );
    expect(repCounts(groups)).toEqual({ retail: 4, finance: 2, health: 1 });
    expect(groups.map((g) => g.accounts.length)).toEqual([60, 25, 15]);
  });

  it('weighs by workload, not by account count', () => {
    const { groups } = divide(
      [...vertical('retail', 10, 1), ...vertical('finance', 2, 20)],
      plainReps(5),
      { minShare: 0 },
    );
    // 10 : 40 → quotas 1, 4
    expect(repCounts(groups)).toEqual({ finance: 4, retail: 1 });
  });

  it('gives a small vertical with work at least one rep', () => {
    const { groups } = divide([...vertical('retail', 95), ...vertical('mining', 5)], plainReps(4), {
      minShare: 0,
    });
    expect(repCounts(groups)).toEqual({ retail: 3, mining: 1 });
  });

  it('prefers reps whose skills name the vertical', () => {
    const { groups } = divide(
      [...vertical('retail', 50), ...vertical('health', 50)],
      plainReps(4, [['industry:retail'], ['industry:health'], ['lang:es'], ['industry:health']]),
      { minShare: 0 },
    );
    expect(groups).toMatchObject([
      { key: 'health', reps: ['r1', 'r3'] },
      { key: 'retail', reps: ['r0', 'r2'] },
    ]);
  });

  it('places a rep skilled in two verticals where the skill is scarcest', () => {
    // r0 knows both; r1 only retail: r0 must take health for both seats to be skilled.
    const { groups } = divide(
      [...vertical('retail', 50), ...vertical('health', 50)],
      plainReps(2, [['industry:health', 'industry:retail'], ['industry:retail']]),
      { minShare: 0 },
    );
    expect(groups).toMatchObject([
      { key: 'health', reps: ['r0'] },
      { key: 'retail', reps: ['r1'] },
    ]);
  });

  it('pools verticals below minShare, and accounts without industry, into "other"', () => {
    const { groups, warnings } = divide(
      [
        ...vertical('retail', 90),
        ...vertical('mining', 3),
        ...vertical('utilities', 4),
        ...vertical(null, 3),
      ],
      plainReps(5, [[], [], [], [], ['industry:mining']]),
      { minShare: 0.05 },
    );
    expect(groups.map((g) => [g.key, g.accounts.length])).toEqual([
      ['retail', 90],
      ['other', 10],
    ]);
    // the mining specialist covers the most of "other"
    expect(groups[1]!.reps).toEqual(['r4']);
    expect(warnings).toEqual([
      '2 verticals pooled into "Other" (below 5% of the workload): utilities, mining',
    ]);
  });

  it('pools the smallest verticals when there are fewer reps than verticals', () => {
    // 3 reps for quotas 1.8, 0.75, 0.3, 0.15: d and c must go for 3 groups, and b is worth
    // less than a full rep; "other" (40) then gets 1.2 reps → 1, a (60) 1.8 → 2.
    const { groups, warnings } = divide(
      [...vertical('a', 60), ...vertical('b', 25), ...vertical('c', 10), ...vertical('d', 5)],
      plainReps(3),
      { minShare: 0 },
    );
    expect(groups.map((g) => [g.key, g.accounts.length, g.reps.length])).toEqual([
      ['a', 60, 2],
      ['other', 40, 1],
    ]);
    expect(warnings).toEqual(['3 reps for 4 groups: b, c, d pooled into "Other"']);
  });

  it('pools everything into "other" for a single rep', () => {
    const { groups } = divide([...vertical('a', 4), ...vertical('b', 3)], plainReps(1), {
      minShare: 0,
    });
    expect(groups).toEqual([
      { key: 'other', accounts: expect.any(Array) as unknown, reps: ['r0'] },
    ]);
    expect(groups[0]!.accounts).toHaveLength(7);
  });

  it('pools verticals without workload instead of staffing them', () => {
    const { groups, warnings } = divide(
      [...vertical('a', 4, 1), ...vertical('b', 3, 0)],
      plainReps(3),
      { minShare: 0 },
    );
    expect(repCounts(groups)).toEqual({ a: 2, other: 1 });
    expect(warnings).toEqual(['1 vertical pooled into "Other" (no workload): b']);
  });

  it('splits by account count when no account has a workload', () => {
    const { groups } = divide([...vertical('a', 6, 0), ...vertical('b', 2, 0)], plainReps(4), {
      minShare: 0,
    });
    expect(repCounts(groups)).toEqual({ a: 3, b: 1 });
  });

  it('keeps a rep in the vertical of its locked accounts', () => {
    const rows = [...vertical('retail', 50), ...vertical('health', 50)];
    rows[0] = { ...rows[0]!, owner: 'r1', locked: true };
    const { groups } = divide(rows, plainReps(2, [[], ['industry:health']]), { minShare: 0 });
    expect(groups).toMatchObject([
      { key: 'health', reps: ['r0'] },
      { key: 'retail', reps: ['r1'] },
    ]);
  });

  it('returns no groups for no accounts', () => {
    expect(divide([], plainReps(2)).groups).toEqual([]);
  });

  it('rejects a share outside 0..1', () => {
    expect(industrySplitParams.safeParse({ minShare: 1.5 }).success).toBe(false);
    expect(industrySplitParams.parse({})).toEqual({ minShare: 0.02 });
  });
});
