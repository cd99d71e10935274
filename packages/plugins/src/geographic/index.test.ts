import {
  AccountTable,
  computeMetrics,
  RepTable,
  runStrategy,
  type AccountInput,
  type Plan,
  type RepInput,
} from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { geographic } from './index.js';

const repIds = (plan: Plan): (string | null)[] =>
  Array.from(plan.territoryOf, (t) => (t < 0 ? null : plan.territories[t]!.repId));

/** n accounts scattered deterministically within ~r degrees of a point. */
function cluster(
  prefix: string,
  lat: number,
  lon: number,
  n: number,
  extra: Partial<AccountInput> = {},
): AccountInput[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    lat: lat + 0.3 * Math.sin(i * 2.4),
    lon: lon + 0.3 * Math.cos(i * 1.7),
    workload: 1,
    ...extra,
  }));
}

const twoReps: RepInput[] = [
  { id: 'east', lat: 40.71, lon: -74.01, capacity: 100 },
  { id: 'west', lat: 34.05, lon: -118.24, capacity: 100 },
];

function workloadDeviation(accounts: AccountTable, reps: RepTable, plan: Plan): number {
  return computeMetrics(accounts, reps, plan, { kmeans: false }).balance.workload.maxDeviation;
}

describe('geographic', () => {
  it('splits two clear clusters into two territories', async () => {
    const accounts = AccountTable.fromRows([
      ...cluster('ny', 40.7, -74, 20),
      ...cluster('la', 34, -118.2, 20),
    ]);
    const reps = RepTable.fromRows(twoReps);
    const { plan, infeasible } = await runStrategy(geographic, { accounts, reps, seed: 1 });
    const ids = repIds(plan);
    expect(new Set(ids.slice(0, 20)).size).toBe(1);
    expect(new Set(ids.slice(20)).size).toBe(1);
    expect(ids[0]).not.toBe(ids[20]);
    expect(infeasible).toBeUndefined();
    expect(plan.territories.map((t) => t.id)).toEqual(['T-east', 'T-west']);
  });

  it('gives the east cluster to the rep who lives there', async () => {
    const accounts = AccountTable.fromRows([
      ...cluster('ny', 40.7, -74, 10),
      ...cluster('la', 34, -118.2, 10),
    ]);
    const reps = RepTable.fromRows(twoReps);
    const { plan } = await runStrategy(geographic, { accounts, reps, seed: 1 });
    expect(repIds(plan)[0]).toBe('east');
    expect(repIds(plan)[10]).toBe('west');
  });

  it('keeps locked accounts with their owner and counts them in the load', async () => {
    const accounts = AccountTable.fromRows([
      ...cluster('ny', 40.7, -74, 18),
      ...cluster('la', 34, -118.2, 18),
      { id: 'locked-ny', lat: 40.8, lon: -73.9, workload: 4, owner: 'west', locked: true },
    ]);
    const reps = RepTable.fromRows(twoReps);
    const { plan } = await runStrategy(geographic, { accounts, reps, seed: 1 });
    const ids = repIds(plan);
    expect(ids[36]).toBe('west');
    expect(workloadDeviation(accounts, reps, plan)).toBeLessThanOrEqual(0.05);
  });

  it('gives reps with more capacity more work', async () => {
    const accounts = AccountTable.fromRows(
      Array.from({ length: 30 }, (_, i) => ({
        id: `a${i}`,
        lat: 40,
        lon: -100 + i * 0.5,
        workload: 1,
      })),
    );
    const reps = RepTable.fromRows([
      { id: 'big', capacity: 20 },
      { id: 'small', capacity: 10 },
    ]);
    const { plan } = await runStrategy(geographic, { accounts, reps, seed: 1 });
    const counts = { big: 0, small: 0 };
    for (const id of repIds(plan)) counts[id as 'big' | 'small']++;
    expect(counts).toEqual({ big: 20, small: 10 });
  });

  it('keeps every unit of the units column whole', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      id: `a${i}`,
      lat: 35 + (i % 8),
      lon: -110 + Math.floor(i / 8) * 4,
      workload: 1,
      postalCode: `z${i % 10}`,
    }));
    const accounts = AccountTable.fromRows(rows);
    const reps = RepTable.fromRows([{ id: 'r1' }, { id: 'r2' }]);
    const { plan } = await runStrategy(
      geographic,
      { accounts, reps, seed: 1 },
      { units: 'postal_code', tolerance: 0.3 },
    );
    const territoryOfUnit = new Map<string, number>();
    for (let i = 0; i < rows.length; i++) {
      const unit = rows[i]!.postalCode;
      const t = plan.territoryOf[i]!;
      expect(territoryOfUnit.get(unit) ?? t).toBe(t);
      territoryOfUnit.set(unit, t);
    }
    expect(new Set(territoryOfUnit.values()).size).toBe(2);
  });

  it('finds extra columns for units and rejects unknown ones', async () => {
    const accounts = AccountTable.fromRows([
      { id: 'a', lat: 1, lon: 1, attributes: { 'Sales Area': 'north' } },
      { id: 'b', lat: 1, lon: 2, attributes: { 'Sales Area': 'north' } },
    ]);
    const reps = RepTable.fromRows([{ id: 'r1' }, { id: 'r2' }]);
    const { plan } = await runStrategy(geographic, { accounts, reps }, { units: 'sales_area' });
    expect(plan.territoryOf[0]).toBe(plan.territoryOf[1]);
    await expect(runStrategy(geographic, { accounts, reps }, { units: 'colour' })).rejects.toThrow(
      'parameter "units": no account column "colour"',
    );
  });

  it('flags a giant account with the deviation it forces, and still returns a plan', async () => {
    const accounts = AccountTable.fromRows([
      ...cluster('a', 40, -90, 10),
      { id: 'giant', lat: 41, lon: -90, workload: 100 },
    ]);
    const reps = RepTable.fromRows([{ id: 'r1' }, { id: 'r2' }]);
    const { plan, infeasible } = await runStrategy(geographic, { accounts, reps, seed: 1 });
    expect(infeasible?.reason).toBe(
      'account "giant" alone is 181.8% of the largest territory target',
    );
    expect(infeasible?.achievedDeviation).toBeCloseTo(100 / 55 - 1, 6);
    expect(workloadDeviation(accounts, reps, plan)).toBeCloseTo(100 / 55 - 1, 6);
  });

  it('builds unstaffed territories when k is larger than the team', async () => {
    const accounts = AccountTable.fromRows(
      [0, 10, 20, 30].flatMap((lon, c) => cluster(`c${c}-`, 40, -120 + lon, 5)),
    );
    const reps = RepTable.fromRows([{ id: 'r1' }, { id: 'r2' }]);
    const { plan, warnings } = await runStrategy(geographic, { accounts, reps, seed: 1 }, { k: 4 });
    expect(plan.territories.map((t) => [t.id, t.repId])).toEqual([
      ['T-r1', 'r1'],
      ['T-r2', 'r2'],
      ['T-open-1', null],
      ['T-open-2', null],
    ]);
    expect(warnings).toContain('2 of 4 territories have no rep (k is larger than the team)');
    expect(workloadDeviation(accounts, reps, plan)).toBeLessThanOrEqual(0.05);
  });

  it('leaves reps without a territory when k is smaller, but never a rep holding locks', async () => {
    const accounts = AccountTable.fromRows([
      ...cluster('a', 40, -100, 10),
      { id: 'kept', lat: 40, lon: -100, owner: 'r3', locked: true },
    ]);
    const reps = RepTable.fromRows([{ id: 'r1' }, { id: 'r2' }, { id: 'r3' }, { id: 'r4' }]);
    const one = await runStrategy(geographic, { accounts, reps, seed: 1 }, { k: 1 });
    expect(one.plan.territories.map((t) => t.repId)).toEqual(['r3']);
    expect(one.warnings).toContain('3 reps lead no territory (k is smaller than the team)');

    const twoLocks = AccountTable.fromRows([
      ...cluster('a', 40, -100, 4),
      { id: 'x', lat: 40, lon: -100, owner: 'r1', locked: true },
      { id: 'y', lat: 40, lon: -100, owner: 'r2', locked: true },
    ]);
    const raised = await runStrategy(geographic, { accounts: twoLocks, reps, seed: 1 }, { k: 1 });
    expect(raised.plan.territories.map((t) => t.repId)).toEqual(['r1', 'r2']);
    expect(raised.warnings).toContain(
      'k raised from 1 to 2: that many reps hold locked accounts and each must lead a territory',
    );
  });

  it('grows territories around the rep homes with centers=reps', async () => {
    const accounts = AccountTable.fromRows([
      ...cluster('ny', 40.7, -74, 10),
      ...cluster('la', 34, -118.2, 10),
    ]);
    const reps = RepTable.fromRows(twoReps);
    const { plan } = await runStrategy(
      geographic,
      { accounts, reps, seed: 1 },
      { centers: 'reps' },
    );
    expect(repIds(plan)).toEqual([
      ...Array<string>(10).fill('east'),
      ...Array<string>(10).fill('west'),
    ]);
  });

  it('keeps accounts with their owner when continuity is worth more than distance', async () => {
    // Owners are crossed over: each rep owns the other cluster. Balance holds either way.
    const accounts = AccountTable.fromRows([
      ...cluster('ny', 40.7, -74, 10, { owner: 'west' }),
      ...cluster('la', 34, -118.2, 10, { owner: 'east' }),
    ]);
    const reps = RepTable.fromRows(twoReps);
    const ignore = await runStrategy(geographic, { accounts, reps, seed: 1 });
    const keep = await runStrategy(
      geographic,
      { accounts, reps, seed: 1 },
      { continuityWeight: 1000 },
    );
    const moved = (plan: Plan) =>
      computeMetrics(accounts, reps, plan, { kmeans: false }).continuity.accountsMovedShare;
    expect(moved(ignore.plan)).toBe(1);
    expect(moved(keep.plan)).toBe(0);
  });

  it('balances on potential or on a mix of measures', async () => {
    const accounts = AccountTable.fromRows(
      Array.from({ length: 40 }, (_, i) => ({
        id: `a${i}`,
        lat: 30 + (i % 5),
        lon: -100 + Math.floor(i / 5),
        workload: 1,
        potential: i < 10 ? 10 : 1,
      })),
    );
    const reps = RepTable.fromRows([{ id: 'r1' }, { id: 'r2' }]);
    const byPotential = await runStrategy(
      geographic,
      { accounts, reps, seed: 1 },
      { balanceOn: 'potential', tolerance: 0.1 },
    );
    const metrics = computeMetrics(accounts, reps, byPotential.plan, { kmeans: false });
    expect(metrics.balance.potential.maxDeviation).toBeLessThanOrEqual(0.1);
    const mixed = await runStrategy(
      geographic,
      { accounts, reps, seed: 1 },
      { balanceOn: { workload: 1, potential: 1 }, tolerance: 0.1 },
    );
    expect(mixed.infeasible).toBeUndefined();
  });

  it('gives the same plan for the same seed parameter whatever the run seed', async () => {
    const accounts = AccountTable.fromRows(
      Array.from({ length: 60 }, (_, i) => ({
        id: `a${i}`,
        lat: 30 + ((i * 7) % 13),
        lon: -120 + ((i * 11) % 37),
        workload: 1 + (i % 4),
      })),
    );
    const reps = RepTable.fromRows([{ id: 'r1' }, { id: 'r2' }, { id: 'r3' }]);
    const a = await runStrategy(geographic, { accounts, reps, seed: 1 }, { seed: 'fixed' });
    const b = await runStrategy(geographic, { accounts, reps, seed: 2 }, { seed: 'fixed' });
    expect(Array.from(b.plan.territoryOf)).toEqual(Array.from(a.plan.territoryOf));
  });

  describe('awkward inputs', () => {
    const reps = RepTable.fromRows([{ id: 'r1' }, { id: 'r2' }]);

    it('returns the territories and no accounts for an empty table', async () => {
      const { plan, infeasible } = await runStrategy(geographic, {
        accounts: AccountTable.fromRows([]),
        reps,
      });
      expect(plan.territoryOf.length).toBe(0);
      expect(plan.territories.map((t) => t.repId)).toEqual(['r1', 'r2']);
      expect(infeasible).toBeUndefined();
    });

    it('places a single account and flags the empty territory', async () => {
      const accounts = AccountTable.fromRows([{ id: 'only', lat: 1, lon: 1, workload: 3 }]);
      const { plan, infeasible } = await runStrategy(geographic, { accounts, reps });
      expect(plan.territoryOf[0]).toBeGreaterThanOrEqual(0);
      expect(infeasible).toEqual({
        reason: 'only 1 accounts or units carry load for 2 territories',
        achievedDeviation: 1,
      });
    });

    it('gives everything to a single rep', async () => {
      const accounts = AccountTable.fromRows(cluster('a', 10, 10, 5));
      const { plan, infeasible } = await runStrategy(geographic, {
        accounts,
        reps: RepTable.fromRows([{ id: 'solo' }]),
      });
      expect(repIds(plan)).toEqual(Array<string>(5).fill('solo'));
      expect(infeasible).toBeUndefined();
    });

    it('flags more reps than accounts', async () => {
      const accounts = AccountTable.fromRows(cluster('a', 10, 10, 2));
      const many = RepTable.fromRows([{ id: 'r1' }, { id: 'r2' }, { id: 'r3' }]);
      const { plan, infeasible } = await runStrategy(geographic, { accounts, reps: many });
      expect(new Set(plan.territoryOf).size).toBe(2);
      expect(infeasible?.achievedDeviation).toBe(1);
    });

    it('balances accounts without coordinates by load alone', async () => {
      const accounts = AccountTable.fromRows(
        [5, 4, 3, 3, 2, 2, 1].map((workload, i) => ({ id: `a${i}`, workload })),
      );
      const { plan, infeasible } = await runStrategy(
        geographic,
        { accounts, reps },
        { tolerance: 0.01 },
      );
      const load = [0, 0];
      for (let i = 0; i < accounts.length; i++)
        load[plan.territoryOf[i]!]! += accounts.workload[i]!;
      expect(load.sort()).toEqual([10, 10]);
      expect(infeasible).toBeUndefined();
    });

    it('splits accounts that all sit at one point', async () => {
      const accounts = AccountTable.fromRows(
        Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, lat: 5, lon: 5, workload: 1 })),
      );
      const six = RepTable.fromRows(Array.from({ length: 6 }, (_, r) => ({ id: `r${r}` })));
      const { plan, infeasible } = await runStrategy(geographic, { accounts, reps: six, seed: 3 });
      expect(infeasible).toBeUndefined();
      expect(workloadDeviation(accounts, six, plan)).toBe(0);
    });

    it('balances account counts when every workload is 0, and says so', async () => {
      const accounts = AccountTable.fromRows(cluster('a', 20, 20, 10, { workload: 0 }));
      const { plan, warnings } = await runStrategy(geographic, { accounts, reps });
      const counts = [0, 0];
      for (const t of plan.territoryOf) counts[t]!++;
      expect(counts).toEqual([5, 5]);
      expect(warnings).toContain('balance measure workload sums to 0: balanced on account counts');
    });

    it('builds nothing without reps and without k', async () => {
      const accounts = AccountTable.fromRows(cluster('a', 20, 20, 3));
      const { plan, warnings } = await runStrategy(geographic, {
        accounts,
        reps: RepTable.fromRows([]),
      });
      expect(Array.from(plan.territoryOf)).toEqual([-1, -1, -1]);
      expect(warnings).toEqual(['there are no reps and no k: no territory was built']);
    });
  });

  it('stops when the signal is aborted', async () => {
    const accounts = AccountTable.fromRows(cluster('a', 20, 20, 10));
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(
      runStrategy(geographic, {
        accounts,
        reps: RepTable.fromRows([{ id: 'r' }]),
        signal: controller.signal,
      }),
    ).rejects.toThrow('cancelled');
  });
});
