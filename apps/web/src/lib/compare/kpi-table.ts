import type { ScenarioComparison } from '@tessera/scenarios';

/** Which way a metric improves. */
export type Better = 'higher' | 'lower';

type Unit = 'index' | 'share' | 'ratio' | 'km' | 'count';

interface KpiDefinition {
  /** Dotted path into a scenario's metrics, as `deltas` keys name it. */
  path: string;
  label: string;
  better: Better;
  unit: Unit;
}

/** The KPIs a comparison shows, in reading order (core's metrics; their formulas are in packages/core's README). */
export const KPIS: readonly KpiDefinition[] = [
  {
    path: 'balance.workload.index',
    label: 'Workload balance index',
    better: 'higher',
    unit: 'index',
  },
  {
    path: 'balance.workload.maxDeviation',
    label: 'Largest workload deviation',
    better: 'lower',
    unit: 'share',
  },
  { path: 'balance.workload.cv', label: 'Workload variation (CV)', better: 'lower', unit: 'ratio' },
  {
    path: 'balance.potential.index',
    label: 'Potential balance index',
    better: 'higher',
    unit: 'index',
  },
  {
    path: 'compactness.meanDistanceKm',
    label: 'Mean distance to territory centre',
    better: 'lower',
    unit: 'km',
  },
  {
    path: 'travel.meanDistanceKm',
    label: 'Mean distance to rep home',
    better: 'lower',
    unit: 'km',
  },
  {
    path: 'continuity.accountsMovedShare',
    label: 'Accounts changing owner',
    better: 'lower',
    unit: 'share',
  },
  {
    path: 'continuity.revenueMovedShare',
    label: 'Revenue changing owner',
    better: 'lower',
    unit: 'share',
  },
  {
    path: 'skillMatch.share',
    label: 'Workload served with the right skill',
    better: 'higher',
    unit: 'share',
  },
  { path: 'coverage.unassigned', label: 'Unassigned accounts', better: 'lower', unit: 'count' },
  {
    path: 'coverage.overCapacity',
    label: 'Territories over capacity',
    better: 'lower',
    unit: 'count',
  },
  {
    path: 'coverage.repsWithoutTerritory',
    label: 'Reps without a territory',
    better: 'lower',
    unit: 'count',
  },
];

export type Verdict = 'better' | 'worse' | 'same';

export interface KpiCell {
  /** The value as shown; '—' where the metric is not defined for this scenario. */
  value: string;
  /** Against the first scenario; null in the first column and where either side is undefined. */
  delta: { text: string; verdict: Verdict; words: string } | null;
}

export interface KpiRow {
  path: string;
  label: string;
  better: Better;
  cells: KpiCell[];
}

const number = (digits: number) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const FORMATS: Record<Unit, { format: (v: number) => string; delta: (d: number) => string }> = {
  index: { format: (v) => number(1).format(v), delta: (d) => `${number(1).format(d)} pts` },
  share: {
    format: (v) => `${number(1).format(v * 100)}%`,
    delta: (d) => `${number(1).format(d * 100)} pp`,
  },
  ratio: { format: (v) => number(3).format(v), delta: (d) => number(3).format(d) },
  km: { format: (v) => `${number(1).format(v)} km`, delta: (d) => `${number(1).format(d)} km` },
  count: { format: (v) => number(0).format(v), delta: (d) => number(0).format(d) },
};

/** A metric's value by dotted path; null when absent or not a number (core writes null for "not defined"). */
export function metricAt(metrics: unknown, path: string): number | null {
  let value: unknown = metrics;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The KPI table of a comparison: each scenario's value, and for every scenario after the first
 * its delta against the first with the verdict in words, so colour is never the only cue. A delta
 * that rounds to nothing at the shown precision is "no change": a 0.0001 pt gain is not better.
 */
export function kpiTable(comparison: ScenarioComparison): KpiRow[] {
  return KPIS.map(({ path, label, better, unit }) => {
    const fmt = FORMATS[unit];
    const cells = comparison.scenarios.map((scenario, s): KpiCell => {
      const value = metricAt(scenario.metrics, path);
      const shown = value === null ? '—' : fmt.format(value);
      const d = s === 0 ? undefined : comparison.deltas[s]?.[path];
      if (d === undefined || value === null) return { value: shown, delta: null };
      return { value: shown, delta: describeDelta(d, better, fmt.delta) };
    });
    return { path, label, better, cells };
  });
}

function describeDelta(
  d: number,
  better: Better,
  format: (d: number) => string,
): NonNullable<KpiCell['delta']> {
  const magnitude = format(Math.abs(d));
  // Rounded to the shown precision, is anything left?
  if (!/[1-9]/.test(magnitude)) return { text: format(0), verdict: 'same', words: 'no change' };
  const up = d > 0;
  const verdict: Verdict = up === (better === 'higher') ? 'better' : 'worse';
  return { text: `${up ? '+' : '−'}${magnitude}`, verdict, words: verdict };
}
