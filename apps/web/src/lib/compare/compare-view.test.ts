import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import { compareRuns, runScenario, type ScenarioRun } from '@tessera/scenarios';
import { beforeAll, describe, expect, it } from 'vitest';
import { flowView, sankeyLayout } from './flow-view.ts';
import { kpiTable, metricAt } from './kpi-table.ts';
import { movedMasks, pairWithFirst } from './moved-masks.ts';
import { largestChange, repChanges } from './rep-changes.ts';

// Real runs of core's strategies on seeded sample data: the views read compareRuns' own output.
let runs: ScenarioRun[];
beforeAll(async () => {
  const dataset = generateSample({ accounts: 600, reps: 8, seed: 7, places: loadUsPlaces() });
  const base = { version: 1, strategy: { id: 'geographic', params: { balanceOn: 'workload' } } };
  runs = [
    await runScenario(dataset, { ...base, name: 'Base', seed: 1 }),
    await runScenario(dataset, {
      ...base,
      name: 'Fewer reps',
      seed: 1,
      edits: [{ type: 'remove-rep', rep: dataset.reps.id.get(0) }],
    }),
    await runScenario(dataset, { ...base, name: 'Reseeded', seed: 2 }),
  ];
});

describe('kpiTable', () => {
  it("shows each scenario's value and, after the first, its delta with a verdict in words", () => {
    const comparison = compareRuns(runs);
    const rows = kpiTable(comparison);
    const index = rows.find((r) => r.path === 'balance.workload.index')!;
    expect(index.cells).toHaveLength(3);
    expect(index.cells[0]!.delta).toBeNull();
    for (let s = 1; s < 3; s++) {
      const d = comparison.deltas[s]!['balance.workload.index']!;
      const cell = index.cells[s]!.delta!;
      const expected = Math.abs(d) < 0.05 ? 'same' : d > 0 ? 'better' : 'worse';
      expect(cell.verdict).toBe(expected);
      expect(cell.words).toBe(expected === 'same' ? 'no change' : expected);
    }
    // Lower is better for the deviation: the verdict flips with the sign.
    const dev = rows.find((r) => r.path === 'balance.workload.maxDeviation')!;
    const d1 = comparison.deltas[1]!['balance.workload.maxDeviation']!;
    if (Math.abs(d1) >= 0.0005)
      expect(dev.cells[1]!.delta!.verdict).toBe(d1 < 0 ? 'better' : 'worse');
    expect(metricAt(comparison.scenarios[0]!.metrics, 'balance.workload.index')).toBeTypeOf(
      'number',
    );
  });

  it('says "no change" for a delta that rounds away, and a dash where a metric is not defined', () => {
    const comparison = compareRuns([runs[0]!, runs[0]!]);
    const rows = kpiTable(comparison);
    for (const row of rows) {
      const delta = row.cells[1]!.delta;
      if (delta)
        expect(delta).toEqual(expect.objectContaining({ verdict: 'same', words: 'no change' }));
    }
    const patched = structuredClone(comparison);
    patched.scenarios[1]!.metrics.travel.meanDistanceKm = null;
    delete patched.deltas[1]!['travel.meanDistanceKm'];
    const travel = kpiTable(patched).find((r) => r.path === 'travel.meanDistanceKm')!;
    expect(travel.cells[1]).toEqual({ value: '—', delta: null });
  });
});

describe('movedMasks', () => {
  it('rings exactly the accounts each pair moved, on both sides', () => {
    const comparison = compareRuns(runs);
    const counts = runs.map((r) => r.edited.accounts.length);
    const masks = movedMasks(comparison, counts);
    const pair = pairWithFirst(comparison, 1)!;
    expect(pair.accountsMoved).toBeGreaterThan(0);
    const ringed = masks[1]!.reduce((n, v) => n + v, 0);
    const inB = Array.from(pair.moved.indexInB).filter((j) => j >= 0).length;
    expect(ringed).toBe(inB);
    // The first map rings the union of what moves in scenarios 2 and 3.
    const union = new Set<number>();
    for (const s of [1, 2]) {
      for (const i of pairWithFirst(comparison, s)!.moved.indexInA) if (i >= 0) union.add(i);
    }
    expect(masks[0]!.reduce((n, v) => n + v, 0)).toBe(union.size);
  });
});

describe('flowView and sankeyLayout', () => {
  it('adds up to the pair’s moved accounts and workload', () => {
    const comparison = compareRuns(runs);
    const pair = pairWithFirst(comparison, 1)!;
    const view = flowView(pair);
    expect(view.totalAccounts).toBe(pair.accountsMoved);
    expect(view.totalWorkload).toBeCloseTo(pair.workloadMoved, 6);
    for (let k = 1; k < view.flows.length; k++) {
      expect(view.flows[k - 1]!.accounts).toBeGreaterThanOrEqual(view.flows[k]!.accounts);
    }
    const layout = sankeyLayout(view, { width: 400, maxFlows: 5, maxHeight: 200 });
    expect(layout.links).toHaveLength(Math.min(5, view.flows.length));
    expect(layout.hidden.flows).toBe(Math.max(0, view.flows.length - 5));
    expect(layout.height).toBeLessThanOrEqual(200 + 1e-9 + 2 * layout.left.length);
    for (const link of layout.links) expect(link.path).toMatch(/^M[\d.]+,[\d.]+ C/);
  });

  it('is empty between a run and itself', () => {
    const view = flowView(compareRuns([runs[0]!, runs[0]!]).pairs[0]!);
    expect(view).toEqual({ flows: [], totalAccounts: 0, totalWorkload: 0 });
    expect(sankeyLayout(view, { width: 300 }).links).toEqual([]);
  });
});

describe('repChanges', () => {
  it('sorts gains first, losses last, and names the rep a scenario removed', () => {
    const comparison = compareRuns(runs);
    const rows = repChanges(comparison, 1);
    const removed = rows.find((r) => r.after === null)!;
    expect(removed.repId).toBe(runs[0]!.edited.reps.id.get(0));
    expect(removed.words).toMatch(/^not in this scenario \(had /);
    expect(rows.at(-1)).toBe(removed);
    const known = rows.filter((r) => r.change !== null);
    for (let k = 1; k < known.length; k++) {
      expect(known[k - 1]!.change!).toBeGreaterThanOrEqual(known[k]!.change!);
    }
    expect(largestChange(rows)).toBe(Math.max(...known.map((r) => Math.abs(r.change!))));
    for (const r of known) {
      expect(r.words).toMatch(
        Math.abs(r.change!) < 0.05 ? /^no change$/ : r.change! > 0 ? /^gains / : /^loses /,
      );
    }
  });
});
