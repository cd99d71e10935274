import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksFromGeoJson } from '../geo/blocks/blocks-from-geojson.js';
import { gridCollection } from '../geo/blocks/grid-blocks.fixture.js';
import { locateAccounts } from '../geo/blocks/locate-accounts.js';
import { Plan } from '../plan/plan.js';
import { AccountTable } from '../table/account-table.js';
import { RepTable } from '../table/rep-table.js';
import { computeMetrics } from './compute-metrics.js';
import { LiveMetrics } from './live-metrics.js';
import type { PlanMetrics } from './types.js';

const reps = RepTable.fromRows([
  { id: 'r1', lat: 45.5, lon: 5.5, capacity: 10, skills: ['lang:fr'] },
  { id: 'r2', lat: 46.5, lon: 7.5, capacity: 20 },
  { id: 'r3', capacity: 5 },
]);
const territories = [
  { id: 'T-r1', name: 'r1', repId: 'r1' },
  { id: 'T-r2', name: 'r2', repId: 'r2' },
  { id: 'T-r3', name: 'r3', repId: 'r3' },
  { id: 'T-open-1', name: 'open', repId: null },
];

const accountRow = fc.record({
  lon: fc.option(
    fc.integer({ min: 500, max: 800 }).map((x) => x / 100),
    { freq: 8 },
  ),
  lat: fc.integer({ min: 4500, max: 4700 }).map((y) => y / 100),
  workload: fc.option(fc.integer({ min: 0, max: 9 }), { freq: 6 }),
  revenue: fc.integer({ min: 0, max: 500 }),
  owner: fc.constantFrom('r1', 'r2', 'r3', 'gone', ''),
  locked: fc.boolean(),
  french: fc.boolean(),
});

type AccountRow = typeof accountRow extends fc.Arbitrary<infer T> ? T : never;

function table(rows: AccountRow[]): AccountTable {
  return AccountTable.fromRows(
    rows.map((row, i) => ({
      id: `a${i}`,
      lat: row.lon === null ? undefined : row.lat,
      lon: row.lon ?? undefined,
      workload: row.workload ?? undefined,
      revenue: row.revenue,
      owner: row.owner || undefined,
      locked: row.locked,
      skillsRequired: row.french ? ['lang:fr'] : [],
    })),
  );
}

/** Metrics compared with a tolerance for the order sums were taken in. */
function expectSame(live: PlanMetrics, full: PlanMetrics): void {
  const close = (a: unknown, b: unknown, path: string): void => {
    if (typeof a === 'number' && typeof b === 'number') {
      expect(Math.abs(a - b), `${path}: ${a} vs ${b}`).toBeLessThanOrEqual(
        1e-6 * Math.max(1, Math.abs(b)),
      );
    } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
      expect(Object.keys(a).sort(), path).toEqual(Object.keys(b).sort());
      for (const key of Object.keys(b)) {
        close(
          (a as Record<string, unknown>)[key],
          (b as Record<string, unknown>)[key],
          `${path}.${key}`,
        );
      }
    } else expect(a, path).toEqual(b);
  };
  close(live, full, 'metrics');
}

describe('LiveMetrics', () => {
  it('after any edits, gives the metrics computeMetrics gives for the edited plan', () => {
    fc.assert(
      fc.property(
        fc.array(accountRow, { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 60, maxLength: 60 }),
        fc.array(
          fc.tuple(fc.array(fc.nat(59), { maxLength: 8 }), fc.integer({ min: -1, max: 3 })),
          { maxLength: 6 },
        ),
        (rows, start, edits) => {
          const accounts = table(rows);
          const plan = new Plan(Int32Array.from(start.slice(0, rows.length)), territories);
          const live = new LiveMetrics(accounts, reps, plan);
          expectSame(live.metrics(), computeMetrics(accounts, reps, plan, { kmeans: false }));
          for (const [picked, to] of edits) {
            live.assign(
              picked.filter((i) => i < rows.length),
              to,
            );
            const full = computeMetrics(accounts, reps, live.plan(), { kmeans: false });
            expectSame(live.metrics(), full);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('counts pieces on blocks when the plan is made of them', () => {
    const blocks = blocksFromGeoJson(gridCollection(4, 1), { idProperty: 'CODE' });
    const accounts = AccountTable.fromRows(
      [5.25, 5.75, 6.25, 6.75].map((lon, i) => ({ id: `a${i}`, lon, lat: 45.25, workload: 1 })),
    );
    const blockOfAccount = locateAccounts(accounts.lon, accounts.lat, blocks).block;
    const plan = new Plan(Int32Array.from([0, 0, 1, 1]), territories.slice(0, 2));
    const live = new LiveMetrics(accounts, reps, plan, { blocks: { set: blocks, blockOfAccount } });
    expect(live.metrics().contiguity.extraPieces).toBe(0);
    live.assign([1], 1);
    live.assign([2], 0);
    expect(live.metrics().contiguity).toEqual({ territoriesInPieces: 2, extraPieces: 2 });
    expect(live.metrics().territories.map((t) => t.workload)).toEqual([2, 2]);
  });

  it('names a bad account or territory and changes nothing', () => {
    const accounts = AccountTable.fromRows([{ id: 'a', lat: 45, lon: 5, workload: 1 }]);
    const live = new LiveMetrics(accounts, reps, new Plan(Int32Array.from([0]), territories));
    expect(() => live.assign([0], 4)).toThrow('territory #4 is not in the plan (it has 4)');
    expect(() => live.assign([0, 3], 1)).toThrow('account #3 is not in the table (it has 1)');
    expect(Array.from(live.territoryOf)).toEqual([0]);
    expect(live.assign([0], 0)).toBe(0);
  });
});
