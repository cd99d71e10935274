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
import { sizeSplit, sizeSplitParams } from './size-split.js';

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
  const { groups, warnings } = sizeSplit.divide(ctx, sizeSplitParams.parse(params));
  return {
    warnings,
    groups: groups.map((g) => ({
      key: g.key,
      name: g.name,
      accounts: Array.from(g.accounts, (i) => accounts.id.get(i)),
      reps: Array.from(g.reps, (r) => reps.id.get(r)),
    })),
  };
}

const sized = (prefix: string, count: number, employees: number | null, workload = 1) =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, employees, workload }));

const repsAt = (levels: (number | null)[], skills: string[][] = []): RepInput[] =>
  levels.map((level, r) => ({ id: `r${r}`, level, skills: skills[r] ?? [] }));

describe('sizeSplit', () => {
  it('puts accounts in the default tiers: ≥ 1000, 100–999, below 100 or unknown', () => {
    const { groups } = divide(
      [
        { id: 'big', employees: 1000 },
        { id: 'mid', employees: 999 },
        { id: 'mid2', employees: 100 },
        { id: 'small', employees: 99 },
        { id: 'unknown' },
      ],
      repsAt([1, 1, 1]),
    );
    expect(groups.map((g) => [g.key, g.name, g.accounts])).toEqual([
      ['enterprise', 'Enterprise', ['big']],
      ['midmarket', 'Mid-market', ['mid', 'mid2']],
      ['smb', 'SMB', ['small', 'unknown']],
    ]);
  });

  it('reads employee and revenue thresholds with any or all', () => {
    const tiers = [
      { id: 'strategic', minEmployees: 5000, minAnnualRevenue: 1e9, match: 'all' },
      { id: 'large', minEmployees: 1000, minAnnualRevenue: 5e8 },
      { id: 'rest' },
    ];
    const { groups } = divide(
      [
        { id: 'both', employees: 6000, annualRevenue: 2e9 },
        { id: 'people-only', employees: 6000, annualRevenue: 1e8 },
        { id: 'money-only', employees: 10, annualRevenue: 6e8 },
        { id: 'neither', employees: 10, annualRevenue: 1e6 },
        { id: 'no-revenue', employees: 6000 },
      ],
      repsAt([1, 1, 1]),
      { tiers },
    );
    expect(groups.map((g) => [g.key, g.accounts])).toEqual([
      ['strategic', ['both']],
      ['large', ['people-only', 'money-only', 'no-revenue']],
      ['rest', ['neither']],
    ]);
  });

  it('apportions reps by workload and puts the senior reps on the larger tiers', () => {
    // workload 40 : 40 : 20 over 5 reps → 2, 2, 1
    const { groups } = divide(
      [...sized('e', 4, 5000, 10), ...sized('m', 8, 500, 5), ...sized('s', 20, 5, 1)],
      repsAt([1, 4, 2, 3, 4]),
    );
    expect(groups.map((g) => [g.key, g.reps])).toEqual([
      ['enterprise', ['r1', 'r4']],
      ['midmarket', ['r2', 'r3']],
      ['smb', ['r0']],
    ]);
  });

  it('prefers a rep holding the tier’s segment skill among equals', () => {
    const { groups } = divide(
      [...sized('e', 5, 5000), ...sized('s', 5, 5)],
      repsAt([2, 2], [[], ['segment:enterprise']]),
    );
    expect(groups.map((g) => [g.key, g.reps])).toEqual([
      ['enterprise', ['r1']],
      ['smb', ['r0']],
    ]);
  });

  it('merges the lightest tier into its lighter neighbour when reps are too few', () => {
    const { groups, warnings } = divide(
      [...sized('e', 50, 5000), ...sized('m', 10, 500), ...sized('s', 30, 5)],
      repsAt([3, 1]),
    );
    expect(groups.map((g) => [g.key, g.name, g.accounts.length, g.reps])).toEqual([
      ['enterprise', 'Enterprise', 50, ['r0']],
      ['midmarket+smb', 'Mid-market + SMB', 40, ['r1']],
    ]);
    expect(warnings).toEqual(['2 reps for 3 tiers: Mid-market + SMB share reps and territories']);
  });

  it('drops tiers without accounts', () => {
    const { groups } = divide(sized('s', 3, 5), repsAt([1, 2]));
    expect(groups.map((g) => [g.key, g.reps])).toEqual([['smb', ['r0', 'r1']]]);
  });

  it('keeps a rep in the tier of its locked accounts', () => {
    const rows: AccountInput[] = [...sized('e', 5, 5000), ...sized('s', 5, 5)];
    rows[6] = { ...rows[6]!, owner: 'r1', locked: true };
    const { groups } = divide(rows, repsAt([1, 4]));
    expect(groups.map((g) => [g.key, g.reps])).toEqual([
      ['enterprise', ['r0']],
      ['smb', ['r1']],
    ]);
  });

  it('rejects bad tiers, naming the field', () => {
    const issue = (params: unknown) => {
      const parsed = sizeSplitParams.safeParse(params);
      return parsed.success ? null : parsed.error.issues[0]!.path.join('.');
    };
    expect(issue({ tiers: [] })).toBe('tiers');
    expect(issue({ tiers: [{ id: 'Big Ones' }] })).toBe('tiers.0.id');
    expect(issue({ tiers: [{ id: 'a', minEmployees: -1 }] })).toBe('tiers.0.minEmployees');
    expect(issue({ tiers: [{ id: 'a' }, { id: 'a' }] })).toBe('tiers.1.id');
    expect(issue({ tiers: [{ id: 'a', seats: 3 }] })).toBe('tiers.0');
  });
});
