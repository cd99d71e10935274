import { AccountTable, greatCircleKm, Plan, RepTable, TesseraError } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { responseShare } from './model.js';
import { simulateRevenue } from './simulate.js';

/** No uncertainty: every draw is the expected value, so the formulas can be checked exactly. */
const certain = { accountSigma: 0, segmentSigma: 0 };

const oneRep = (capacity: number, lat = 0, lon = 0) =>
  RepTable.fromRows([{ id: 'r1', lat, lon, capacity }]);
const withRep = (accounts: AccountTable, territory = 0) =>
  new Plan(new Int32Array(accounts.length).fill(territory), [
    { id: 'T1', name: 'One', repId: 'r1' },
  ]);

describe('simulateRevenue, one rep and one account, no uncertainty', () => {
  // potential 1000, revenue 200 → floor b = 0.5 × 200 = 100; workload 20.
  const accounts = AccountTable.fromRows([
    { id: 'a', lat: 0, lon: 0, potential: 1000, revenue: 200, workload: 20 },
  ]);

  it('earns the potential at full coverage', () => {
    const result = simulateRevenue(accounts, oneRep(20), withRep(accounts), {
      draws: 5,
      model: certain,
    });
    const [territory] = result.territories;
    expect(territory!.coverage).toBe(1);
    expect(territory!.response).toBe(1);
    expect(territory!.expected).toBe(1000);
    expect(result.total).toMatchObject({ expected: 1000, p10: 1000, p50: 1000, p90: 1000 });
  });

  it('earns b + s(x)·(potential − b) when short of time', () => {
    // x = 10 / 20 = 0.5; s = 0.5 / (0.3 + 0.7 × 0.5) = 0.769230…; 100 + 900 s = 792.307…
    const result = simulateRevenue(accounts, oneRep(10), withRep(accounts), {
      draws: 3,
      model: certain,
    });
    const territory = result.territories[0]!;
    expect(territory.coverage).toBe(0.5);
    expect(territory.effort).toBe(10);
    expect(territory.expected).toBeCloseTo(100 + 900 * (0.5 / 0.65), 9);
    expect(territory.expected).toBeCloseTo(792.3076923, 6);
    expect(territory.p10).toBe(territory.expected);
    expect(territory.p90).toBe(territory.expected);
  });

  it('has diminishing returns above full coverage, up to maxCoverage', () => {
    const twice = simulateRevenue(accounts, oneRep(40), withRep(accounts), {
      draws: 1,
      model: certain,
    });
    // x = min(1.5, 40 / 20) = 1.5: s = 1.5 / 1.35.
    expect(twice.territories[0]!.coverage).toBe(2);
    expect(twice.territories[0]!.effort).toBe(30);
    expect(twice.total.expected).toBeCloseTo(100 + 900 * (1.5 / 1.35), 9);
    const uncapped = simulateRevenue(accounts, oneRep(40), withRep(accounts), {
      draws: 1,
      model: { ...certain, maxCoverage: 10 },
    });
    expect(uncapped.total.expected).toBeCloseTo(100 + 900 * (2 / 1.7), 9);
  });

  it('keeps only the floor without a territory, or in an unstaffed one', () => {
    const unassigned = simulateRevenue(accounts, oneRep(20), withRep(accounts, -1), {
      draws: 2,
      model: certain,
    });
    expect(unassigned.unassigned).toMatchObject({ accounts: 1, floor: 100, expected: 100 });
    expect(unassigned.total.expected).toBe(100);
    expect(unassigned.territories[0]!.expected).toBe(0);

    const unstaffed = new Plan(new Int32Array([0]), [{ id: 'T', name: 'T', repId: null }]);
    const open = simulateRevenue(accounts, oneRep(20), unstaffed, { draws: 2, model: certain });
    expect(open.territories[0]).toMatchObject({
      coverage: 0,
      capacity: 0,
      expected: 100,
      travelCost: 0,
    });
  });

  it('follows retention', () => {
    const result = simulateRevenue(accounts, oneRep(10), withRep(accounts, -1), {
      draws: 1,
      model: { ...certain, retention: 0.8 },
    });
    expect(result.total.expected).toBeCloseTo(160, 12);
  });
});

describe('simulateRevenue, travel', () => {
  // The account is one degree of longitude east of the rep's home, on the equator.
  const accounts = AccountTable.fromRows([
    { id: 'a', lat: 0, lon: 1, potential: 1000, revenue: 0, workload: 20 },
  ]);
  const d = greatCircleKm(0, 0, 0, 1); // 111.195 km
  const model = {
    ...certain,
    unitsPerVisit: 2, // 10 visits a year
    visitsPerTrip: 1,
    roadFactor: 1.5, // 2 × 1.5 × d road km per round trip
    speedKmh: 50,
    costPerKm: 0.5,
  };

  it('charges visits × round trips against capacity and in cost', () => {
    const roadKm = 2 * 1.5 * d;
    const travelHoursFull = 10 * (roadKm / 50); // 66.717 h
    const need = 20 + travelHoursFull;
    const capacity = 60;
    const x = capacity / need;
    const result = simulateRevenue(accounts, oneRep(capacity), withRep(accounts), {
      draws: 1,
      model,
    });
    const territory = result.territories[0]!;
    expect(d).toBeCloseTo(111.19508, 4);
    expect(territory.need).toBeCloseTo(need, 9);
    expect(territory.coverage).toBeCloseTo(x, 12);
    expect(territory.effort).toBeCloseTo(x * 20, 9);
    expect(territory.travelHours).toBeCloseTo(x * travelHoursFull, 9);
    expect(territory.travelKm).toBeCloseTo(x * 10 * roadKm, 9);
    expect(territory.travelCost).toBeCloseTo(x * 10 * roadKm * 0.5, 9);
    expect(territory.expected).toBeCloseTo(1000 * responseShare(x, 0.3), 9);
    expect(territory.net).toBeCloseTo(territory.expected - territory.travelCost!, 9);
    expect(result.total.travelCost).toBe(territory.travelCost);
    expect(result.total.net).toBeCloseTo(result.total.expected - territory.travelCost!, 9);
  });

  it('shares a round trip among visitsPerTrip visits and caps a trip at maxTripHours', () => {
    const roadKm = 2 * 1.5 * d;
    const result = simulateRevenue(accounts, oneRep(1000), withRep(accounts), {
      draws: 1,
      model: { ...model, visitsPerTrip: 4, maxTripHours: 2, maxCoverage: 1 },
    });
    const territory = result.territories[0]!;
    // 10 visits in 2.5 trips, each of 2 h (capped: the drive would take 6.67 h).
    expect(territory.need).toBeCloseTo(20 + 2.5 * 2, 12);
    expect(territory.travelHours).toBeCloseTo(5, 12);
    expect(territory.travelKm).toBeCloseTo(2.5 * roadKm, 9);
    expect(territory.expected).toBe(1000);
  });

  it('reports travel as unknown when the rep has no home base', () => {
    const homeless = RepTable.fromRows([{ id: 'r1', capacity: 20 }]);
    const result = simulateRevenue(accounts, homeless, withRep(accounts), { draws: 1, model });
    expect(result.territories[0]).toMatchObject({
      travelHours: null,
      travelKm: null,
      travelCost: null,
      coverage: 1,
      expected: 1000,
    });
    expect(result.total.travelCost).toBe(0);
  });
});

describe('simulateRevenue, one rep and two accounts', () => {
  // a: potential 1000, revenue 200 → upside 900 over a floor of 100; b: potential 100, no revenue.
  const accounts = AccountTable.fromRows([
    { id: 'a', lat: 0, lon: 0, potential: 1000, revenue: 200, workload: 10 },
    { id: 'b', lat: 0, lon: 0, potential: 100, revenue: 0, workload: 10 },
  ]);

  it("'priority' equalises the marginal revenue per hour", () => {
    // κ = 90 and 10 per unit; with C = 10 the optimum is u = 1.3 / (4√3), x = 27/28 and 1/28:
    // 90·s'(27/28) = 10·s'(1/28) and 10·(27/28) + 10·(1/28) = 10.
    const result = simulateRevenue(accounts, oneRep(10), withRep(accounts), {
      draws: 1,
      model: certain,
    });
    const xa = 27 / 28;
    const xb = 1 / 28;
    const expected = 100 + 900 * responseShare(xa, 0.3) + 100 * responseShare(xb, 0.3);
    expect(expected).toBeCloseTo(1001.0989011, 6);
    expect(result.total.expected).toBeCloseTo(expected, 9);
    expect(result.territories[0]!.effort).toBeCloseTo(10, 12);
    expect(result.territories[0]!.response).toBeCloseTo((expected - 100) / 1000, 12);
  });

  it("'proportional' gives both the same coverage", () => {
    const result = simulateRevenue(accounts, oneRep(10), withRep(accounts), {
      draws: 1,
      model: { ...certain, allocation: 'proportional' },
    });
    const s = 0.5 / 0.65;
    expect(result.total.expected).toBeCloseTo(100 + 900 * s + 100 * s, 9);
  });

  it('gives every account maxCoverage when time allows', () => {
    const result = simulateRevenue(accounts, oneRep(100), withRep(accounts), {
      draws: 1,
      model: certain,
    });
    expect(result.territories[0]!.effort).toBe(30);
    expect(result.total.expected).toBeCloseTo(100 + 1000 * (1.5 / 1.35), 9);
  });

  it('pools a rep who leads two territories', () => {
    const plan = new Plan(new Int32Array([0, 1]), [
      { id: 'T1', name: 'T1', repId: 'r1' },
      { id: 'T2', name: 'T2', repId: 'r1' },
    ]);
    const result = simulateRevenue(accounts, oneRep(10), plan, {
      draws: 1,
      model: { ...certain, allocation: 'proportional' },
    });
    expect(result.territories.map((t) => t.coverage)).toEqual([0.5, 0.5]);
  });
});

describe('simulateRevenue, awkward data', () => {
  it('reads missing, negative and infinite measures as 0 and gives finite numbers', () => {
    const accounts = AccountTable.fromRows([
      { id: 'a', potential: 1000, revenue: null, workload: null },
      { id: 'b', lat: 10, lon: 10, potential: null, revenue: 50, workload: 5 },
      { id: 'c', lat: 10, lon: 10, potential: 500, revenue: 0, workload: 5 },
    ]);
    const reps = RepTable.fromRows([{ id: 'r1', lat: 10, lon: 10, capacity: null }]);
    const result = simulateRevenue(accounts, reps, withRep(accounts));
    // No capacity: no effort. a: no workload but no capacity either → floor 0; b: potential 0
    // earns nothing; c: no effort, no revenue.
    expect(result.total.expected).toBe(0);
    expect(result.territories[0]!.coverage).toBe(0);
    const walk = (value: unknown): void => {
      if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(result);
  });

  it('serves an account without workload fully when its rep has time', () => {
    const accounts = AccountTable.fromRows([{ id: 'a', potential: 1000, workload: 0 }]);
    const result = simulateRevenue(accounts, oneRep(1), withRep(accounts), {
      draws: 1,
      model: certain,
    });
    expect(result.total.expected).toBe(1000);
    expect(result.territories[0]!.coverage).toBeNull();
  });

  it('handles an empty table', () => {
    const result = simulateRevenue(
      AccountTable.fromRows([]),
      oneRep(1),
      withRep(AccountTable.fromRows([])),
    );
    expect(result.total).toMatchObject({ expected: 0, p10: 0, p90: 0, coverage: null });
  });

  it('rejects a plan of another table', () => {
    const accounts = AccountTable.fromRows([{ id: 'a' }, { id: 'b' }]);
    const plan = new Plan(new Int32Array(1), [{ id: 'T', name: 'T', repId: 'r1' }]);
    expect(() => simulateRevenue(accounts, oneRep(1), plan)).toThrow(TesseraError);
    const bad = new Plan(new Int32Array([0, 3]), [{ id: 'T', name: 'T', repId: 'r1' }]);
    expect(() => simulateRevenue(accounts, oneRep(1), bad)).toThrow(
      'plan: account "b" is in territory 3 but the plan has 1 territories',
    );
  });
});

describe('simulateRevenue, uncertainty', () => {
  const accounts = AccountTable.fromRows(
    Array.from({ length: 200 }, (_, i) => ({
      id: `a${i}`,
      lat: 40 + (i % 10) / 10,
      lon: -74 + (i % 7) / 10,
      potential: 1000 + 10 * i,
      revenue: i % 3 === 0 ? 300 : 0,
      workload: 5,
      industry: i % 2 ? 'retail' : 'finance',
      region: i % 5 ? 'NY' : 'NJ',
    })),
  );
  const reps = oneRep(2000, 40.5, -73.7);

  it('spreads around an expected value close to the certain one', () => {
    const plan = withRep(accounts);
    const sure = simulateRevenue(accounts, reps, plan, { draws: 1, model: certain });
    const result = simulateRevenue(accounts, reps, plan, { draws: 4000, seed: 'spread' });
    const { expected, p10, p50, p90 } = result.total;
    expect(p10).toBeLessThan(p50);
    expect(p50).toBeLessThan(p90);
    // Shocks are mean one: the mean moves only by sampling error and the floor's kink.
    expect(Math.abs(expected / sure.total.expected - 1)).toBeLessThan(0.02);
    // With 200 equal accounts the account shocks average out; the segment shocks (σ 0.15,
    // four segments correlated by industry and region) set the spread: roughly ±13% at P10/P90.
    expect(p90 / p10).toBeGreaterThan(1.15);
    expect(p90 / p10).toBeLessThan(1.6);
  });

  it('depends on the seed and on nothing else', () => {
    const plan = withRep(accounts);
    const a = simulateRevenue(accounts, reps, plan, { draws: 50, seed: 1 });
    const b = simulateRevenue(accounts, reps, plan, { draws: 50, seed: 1 });
    const c = simulateRevenue(accounts, reps, plan, { draws: 50, seed: 2 });
    expect(b).toEqual(a);
    expect(c.total.p50).not.toBe(a.total.p50);
  });

  it('gives an account the same shocks in any row order', () => {
    const reversed = AccountTable.fromRows([...accounts.rows()].reverse());
    const a = simulateRevenue(accounts, reps, withRep(accounts), { draws: 20, seed: 3 });
    const b = simulateRevenue(reversed, reps, withRep(reversed), { draws: 20, seed: 3 });
    expect(b.total.p10).toBeCloseTo(a.total.p10, 6);
    expect(b.total.p90).toBeCloseTo(a.total.p90, 6);
  });
});
