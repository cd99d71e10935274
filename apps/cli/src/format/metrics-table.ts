import type { PlanMetrics } from '@tessera/core';
import { renderTable } from './text-table.js';

const collator = new Intl.Collator('en', { numeric: true });

/** The metrics of one plan for people: a summary, then one line per territory. */
export function formatMetricsTable(metrics: PlanMetrics): string {
  const summary = renderTable(
    ['metric', 'value'],
    summaryRows(metrics).map(([name, value]) => [name, value]),
  );
  const territories = renderTable(
    [
      'territory',
      'rep',
      'accounts',
      'workload',
      'capacity',
      'util.',
      'potential',
      'revenue',
      'spread km',
      'travel km',
      'pieces',
    ],
    // Sorted by id for reading; the JSON keeps the plan's own order.
    [...metrics.territories]
      .sort((x, y) => collator.compare(x.id, y.id))
      .map((t) => [
        t.id,
        t.repId ?? '',
        t.accounts,
        round(t.workload),
        round(t.capacity),
        round(t.utilization, 3),
        round(t.potential),
        round(t.revenue),
        round(t.meanDistanceKm, 1),
        t.travelKm === null ? null : round(t.travelKm, 1),
        t.pieces,
      ]),
  );
  return `${summary}\n${territories}`;
}

/** The scalar figures of a plan, in reading order, as [label, value]. */
export function summaryRows(metrics: PlanMetrics): [string, number | null][] {
  const rows: [string, number | null][] = [];
  for (const measure of ['workload', 'potential', 'accounts'] as const) {
    const b = metrics.balance[measure];
    rows.push(
      [`balance ${measure}: index (0–100)`, round(b.index, 1)],
      [`balance ${measure}: max deviation`, round(b.maxDeviation, 3)],
      [`balance ${measure}: CV`, round(b.cv, 3)],
      [`balance ${measure}: Gini`, round(b.gini, 3)],
    );
  }
  rows.push(
    ['compactness: mean distance km', round(metrics.compactness.meanDistanceKm, 1)],
    [
      'compactness: ratio to k-means',
      metrics.compactness.kmeansRatio === null ? null : round(metrics.compactness.kmeansRatio, 3),
    ],
    [
      'travel: mean distance to rep km',
      metrics.travel.meanDistanceKm === null ? null : round(metrics.travel.meanDistanceKm, 1),
    ],
    ['continuity: accounts moved', round(metrics.continuity.accountsMovedShare, 3)],
    ['continuity: revenue moved', round(metrics.continuity.revenueMovedShare, 3)],
    ['contiguity: territories in pieces', metrics.contiguity.territoriesInPieces],
    ['contiguity: extra pieces', metrics.contiguity.extraPieces],
    ['skill match: workload share', round(metrics.skillMatch.share, 3)],
    ['coverage: unassigned accounts', metrics.coverage.unassigned],
    ['coverage: reps without territory', metrics.coverage.repsWithoutTerritory],
    ['coverage: territories over capacity', metrics.coverage.overCapacity],
  );
  return rows;
}

function round(value: number, decimals = 0): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
