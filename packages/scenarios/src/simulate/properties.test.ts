import {
  AccountTable,
  Plan,
  RepTable,
  type AccountInput,
  type RepInput,
  type Territory,
} from '@tessera/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSimulations } from './compare.js';
import { simulateRevenue } from './simulate.js';

interface Case {
  accounts: AccountTable;
  reps: RepTable;
  plan: Plan;
}

const place = fc.oneof(
  fc.constant(null),
  fc.constantFrom({ lat: 40.7, lon: -74 }, { lat: 41.9, lon: -87.6 }),
  fc.record({
    lat: fc.double({ min: -60, max: 60, noNaN: true }),
    lon: fc.double({ min: -180, max: 180, noNaN: true }),
  }),
);
const amount = (max: number) =>
  fc.oneof(fc.constant(null), fc.constant(0), fc.double({ min: 0, max, noNaN: true }));

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({
    reps: fc.array(fc.record({ home: place, capacity: amount(300) }), {
      minLength: 1,
      maxLength: 4,
    }),
    accounts: fc.array(
      fc.record({
        place,
        potential: amount(1e5),
        revenue: amount(5e4),
        workload: amount(50),
        industry: fc.constantFrom(null, 'retail', 'finance'),
        region: fc.constantFrom(null, 'east', 'west'),
        territory: fc.nat(),
      }),
      { maxLength: 25 },
    ),
    territories: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
  })
  .map(({ reps, accounts, territories }) => {
    const repRows: RepInput[] = reps.map((r, j) => ({
      id: `r${j}`,
      lat: r.home?.lat ?? null,
      lon: r.home?.lon ?? null,
      capacity: r.capacity,
    }));
    const accountRows: AccountInput[] = accounts.map((a, i) => ({
      id: `a${i}`,
      lat: a.place?.lat ?? null,
      lon: a.place?.lon ?? null,
      potential: a.potential,
      revenue: a.revenue,
      workload: a.workload,
      industry: a.industry,
      region: a.region,
    }));
    // Territories led by a rep, by nobody, or by an id the rep table does not have.
    const repIds = [...repRows.map((r) => r.id), null, 'ghost'];
    const plan: Territory[] = territories.map((pick, t) => ({
      id: `T${t}`,
      name: `T${t}`,
      repId: repIds[pick % repIds.length]!,
    }));
    const territoryOf = Int32Array.from(
      accounts,
      (a) => (a.territory % (plan.length + 1)) - 1, // -1: unassigned
    );
    return {
      accounts: AccountTable.fromRows(accountRows),
      reps: RepTable.fromRows(repRows),
      plan: new Plan(territoryOf, plan),
    };
  });

const options = { draws: 40, seed: 'prop' };

function expectFinite(value: unknown): void {
  if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
  else if (value && typeof value === 'object') Object.values(value).forEach(expectFinite);
}

describe('simulateRevenue properties', () => {
  it('orders P10 ≤ P50 ≤ P90 everywhere and gives only finite numbers', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ accounts, reps, plan }) => {
        const result = simulateRevenue(accounts, reps, plan, options);
        for (const spread of [result.total, result.unassigned, ...result.territories]) {
          expect(spread.p10).toBeLessThanOrEqual(spread.p50);
          expect(spread.p50).toBeLessThanOrEqual(spread.p90);
        }
        expectFinite(result);
      }),
      { numRuns: 150 },
    );
  });

  it('never earns less with more capacity', () => {
    fc.assert(
      fc.property(
        caseArbitrary,
        fc.nat(),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.constantFrom<'priority' | 'proportional'>('priority', 'proportional'),
        ({ accounts, reps, plan }, pick, extra, allocation) => {
          const r = pick % reps.length;
          const rows = [...reps.rows()];
          const current = rows[r]!.capacity ?? 0;
          rows[r] = { ...rows[r]!, capacity: Math.max(0, current) + extra };
          const more = RepTable.fromRows(rows);
          const model = { allocation };
          const before = simulateRevenue(accounts, reps, plan, { ...options, model });
          const after = simulateRevenue(accounts, more, plan, { ...options, model });
          expect(after.total.expected).toBeGreaterThanOrEqual(before.total.expected);
          after.territories.forEach((t, k) => {
            expect(t.expected).toBeGreaterThanOrEqual(before.territories[k]!.expected);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives unassigned accounts only their floor', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ accounts, reps, plan }) => {
        const result = simulateRevenue(accounts, reps, plan, options);
        // Each draw earns min(realised potential, floor) per account: never above the floor.
        expect(result.unassigned.p90).toBeLessThanOrEqual(result.unassigned.floor * (1 + 1e-12));
        const certain = simulateRevenue(accounts, reps, plan, {
          draws: 1,
          model: { accountSigma: 0, segmentSigma: 0 },
        });
        let floor = 0;
        for (let i = 0; i < accounts.length; i++) {
          if (plan.territoryOf[i]! >= 0) continue;
          const p = accounts.potential[i]! >= 0 ? accounts.potential[i]! : 0;
          const b = accounts.revenue[i]! >= 0 ? 0.5 * accounts.revenue[i]! : 0;
          floor += Math.min(p, b);
        }
        expect(certain.unassigned.expected).toBeCloseTo(floor, 6);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same result for the same seed', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.oneof(fc.string(), fc.integer()), (data, seed) => {
        const a = simulateRevenue(data.accounts, data.reps, data.plan, { draws: 20, seed });
        const b = simulateRevenue(data.accounts, data.reps, data.plan, { draws: 20, seed });
        expect(b).toEqual(a);
      }),
      { numRuns: 50 },
    );
  });

  it('adds the territories and the unassigned up to the total', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ accounts, reps, plan }) => {
        const result = simulateRevenue(accounts, reps, plan, options);
        const parts =
          result.territories.reduce((sum, t) => sum + t.expected, 0) + result.unassigned.expected;
        expect(parts).toBeCloseTo(result.total.expected, 6);
        const travel = result.territories.reduce((sum, t) => sum + (t.travelCost ?? 0), 0);
        expect(travel).toBeCloseTo(result.total.travelCost, 6);
        expect(result.territories.reduce((sum, t) => sum + t.accounts, 0)).toBe(
          accounts.length - result.unassigned.accounts,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('finds no gain between a plan and itself', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ accounts, reps, plan }) => {
        const comparison = compareSimulations(accounts, reps, plan, plan, options);
        expect(comparison.gain).toEqual({ expected: 0, p10: 0, p50: 0, p90: 0 });
        expect(comparison.probabilityOfGain).toBe(0);
        expect(comparison.travelCostChange).toBe(0);
      }),
      { numRuns: 50 },
    );
  });
});

describe('simulateRevenue edge cases found by the properties', () => {
  it('keeps coverage finite when a workload is a denormal and the capacity tiny', () => {
    const accounts = AccountTable.fromRows([
      { id: 'a0', lat: 40.7, lon: -74, potential: 0, revenue: 0, workload: 5e-324 },
    ]);
    const reps = RepTable.fromRows([{ id: 'r0', lat: 40.7, lon: -74, capacity: 8.9e-16 }]);
    const plan = new Plan(Int32Array.of(0), [{ id: 'T0', name: 'T0', repId: 'r0' }]);
    const result = simulateRevenue(accounts, reps, plan, { draws: 20 });
    expect(Number.isFinite(result.territories[0]!.coverage)).toBe(true);
    expect(Number.isFinite(result.total.coverage)).toBe(true);
  });
});
