import type { PlanMetrics } from '@tessera/core';
import type { TerritoryRow } from '@tessera/scenarios';
import { describe, expect, it } from 'vitest';
import { deviationBins } from './deviation-bins.ts';
import { kpiCards, runWarnings, scenarioTolerance, territoryLines } from './run-summary.ts';
import { nextSort, sortRows } from './table-sort.ts';

const balance = (index: number, maxDeviation: number) => ({ index, maxDeviation, cv: 0, gini: 0 });
const metrics: PlanMetrics = {
  territories: [],
  balance: {
    workload: balance(91.5, 0.12),
    potential: balance(80, 0.3),
    accounts: balance(70, 0.4),
  },
  compactness: { meanDistanceKm: 42.25, kmeansRatio: 1.3 },
  travel: { meanDistanceKm: null },
  continuity: { accountsMovedShare: 0.25, revenueMovedShare: 0.1 },
  contiguity: { territoriesInPieces: 0, extraPieces: 0 },
  skillMatch: { share: 1 },
  coverage: { unassigned: 2, repsWithoutTerritory: 0, overCapacity: 1 },
};

const row = (id: string, workload: number, capacity: number): TerritoryRow => ({
  id,
  name: id,
  repId: id,
  repName: null,
  accounts: 1,
  workload,
  potential: 0,
  revenue: 0,
  capacity,
  utilization: capacity > 0 ? workload / capacity : 0,
  meanDistanceKm: 0,
  travelKm: null,
  pieces: 1,
  requiredPieces: 1,
  accountsGained: 0,
});

describe('kpiCards', () => {
  it('names the five headline metrics plainly and flags a deviation over the tolerance', () => {
    const cards = kpiCards(metrics, 0.1);
    expect(cards.map((c) => [c.label, c.value])).toEqual([
      ['Balance index', '92 / 100'],
      ['Workload deviation', '±12%'],
      ['Compactness', '42.3 km'],
      ['Travel', 'Not known'],
      ['Continuity', '75% kept'],
    ]);
    expect(cards[1]!.tone).toBe('attention');
    expect(kpiCards(metrics, 0.15)[1]!.tone).toBe('ok');
  });
});

describe('territoryLines', () => {
  it('gives each territory its capacity-weighted target and deviation', () => {
    const lines = territoryLines([row('a', 30, 100), row('b', 30, 300)]);
    expect(lines.map((l) => l.target)).toEqual([15, 45]);
    expect(lines[0]!.deviation).toBeCloseTo(1, 12);
    expect(lines[1]!.deviation).toBeCloseTo(-1 / 3, 12);
  });
});

describe('runWarnings', () => {
  it("adds coverage problems in words after the run's own warnings", () => {
    expect(runWarnings({ warnings: ['a warning'], infeasible: null, metrics })).toEqual([
      'a warning.',
      '2 accounts have no territory.',
      '1 territory is over its rep’s capacity.',
    ]);
  });
});

describe('scenarioTolerance', () => {
  it("takes the scenario's tolerance, else its strategy's default", () => {
    const schema = { properties: { tolerance: { default: 0.07 } } };
    expect(scenarioTolerance({ tolerance: 0.2 }, schema)).toBe(0.2);
    expect(scenarioTolerance({}, schema)).toBe(0.07);
    expect(scenarioTolerance({}, undefined)).toBe(0.05);
  });
});

describe('charts', () => {
  it('bins deviations around 0 with a bin either side at least', () => {
    const bins = deviationBins([0, 0.01, -0.12, 0.06]);
    expect(bins.map((b) => [Number(b.from.toFixed(3)), b.count])).toEqual([
      [-0.125, 1],
      [-0.075, 0],
      [-0.025, 2],
      [0.025, 1],
    ]);
    expect(deviationBins([])).toEqual([]);
  });
});

describe('sorting', () => {
  it('flips on the same column, starts a new one its own way, keeps nulls last', () => {
    expect(nextSort({ key: 'a', direction: 'ascending' }, 'a')).toEqual({
      key: 'a',
      direction: 'descending',
    });
    expect(nextSort({ key: 'a', direction: 'ascending' }, 'b', 'descending')).toEqual({
      key: 'b',
      direction: 'descending',
    });
    const rows = [{ v: 'T10' }, { v: null }, { v: 'T2' }, { v: 't1' }];
    expect(sortRows(rows, (r) => r.v, 'ascending').map((r) => r.v)).toEqual([
      't1',
      'T2',
      'T10',
      null,
    ]);
    expect(sortRows(rows, (r) => r.v, 'descending').map((r) => r.v)).toEqual([
      'T10',
      'T2',
      't1',
      null,
    ]);
  });
});
