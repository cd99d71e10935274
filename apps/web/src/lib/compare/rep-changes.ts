import type { ScenarioComparison } from '@tessera/scenarios';

export interface RepChange {
  repId: string;
  name: string;
  /** Workload in the first scenario; null when the rep is not on its team. */
  before: number | null;
  /** Workload in the scenario shown; null when the rep is not on its team. */
  after: number | null;
  /** after − before; null when the rep is on only one side. */
  change: number | null;
  /** In words, so the bar's colour is never the only cue. */
  words: string;
}

const amount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/**
 * Each rep's workload change from the first scenario to scenario `s`, largest gain first and
 * largest loss last; reps only one side has (added or removed by an edit) come after, named so.
 */
export function repChanges(comparison: ScenarioComparison, s: number): RepChange[] {
  const rows = comparison.reps.map((rep): RepChange => {
    const before = rep.workload[0] ?? null;
    const after = rep.workload[s] ?? null;
    const change = rep.change[s] ?? null;
    const name = rep.repName ?? rep.repId;
    let words: string;
    if (before === null && after === null) words = 'in neither scenario';
    else if (before === null) words = `new in this scenario, ${amount.format(after ?? 0)}`;
    else if (after === null) words = `not in this scenario (had ${amount.format(before)})`;
    else if (change === null || Math.abs(change) < 0.05) words = 'no change';
    else words = `${change > 0 ? 'gains' : 'loses'} ${amount.format(Math.abs(change))}`;
    return { repId: rep.repId, name, before, after, change, words };
  });
  return rows.sort((x, y) => {
    const ax = x.change === null ? 1 : 0;
    const ay = y.change === null ? 1 : 0;
    if (ax !== ay) return ax - ay;
    return (y.change ?? 0) - (x.change ?? 0) || x.repId.localeCompare(y.repId);
  });
}

/** The largest |change| of a list: the bar scale. */
export function largestChange(rows: readonly RepChange[]): number {
  return rows.reduce((max, r) => Math.max(max, Math.abs(r.change ?? 0)), 0);
}
