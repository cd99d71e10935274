import type { ScenarioComparison } from '@tessera/scenarios';
import { summaryRows } from './metrics-table.js';
import { formatNumber, renderTable, type Cell } from './text-table.js';

/** How many flows and reps a table shows before "… and N more" (the JSON has them all). */
const SHOWN = 12;

/** Two to four scenarios side by side: metrics, moved accounts per pair, rep workloads. */
export function formatScenarioComparison(comparison: ScenarioComparison): string {
  const names = comparison.scenarios.map((s, i) => `${letter(i)} = ${s.name}`).join('\n');
  const rows = comparison.scenarios.map((s) => summaryRows({ ...s.metrics, territories: [] }));
  const metrics = rows[0]!.map(([label], r) => {
    const values = rows.map((row) => row[r]![1]);
    const base = values[0] ?? null;
    const deltas = values
      .slice(1)
      .map((v) => (v === null || base === null ? null : round(v - base, 3)));
    return [label, ...values, ...deltas] as Cell[];
  });
  const letters = comparison.scenarios.map((_, i) => letter(i));
  const metricTable = renderTable(
    ['metric', ...letters, ...letters.slice(1).map((l) => `${l} − A`)],
    metrics,
  );

  const pairs = comparison.pairs
    .map((pair) => {
      const cells: Cell[][] = [];
      const { flow } = pair;
      for (let f = 0; f < flow.from.length; f++) {
        for (let t = 0; t < flow.to.length; t++) {
          const n = flow.accounts[f]![t]!;
          if (n > 0 && !(flow.from[f] === flow.to[t] && f < flow.from.length - 2)) {
            cells.push([flow.from[f]!, flow.to[t]!, n, round(flow.workload[f]![t]!, 1)]);
          }
        }
      }
      const moves = cells
        .filter((c) => c[0] !== c[1])
        .sort((x, y) => (y[2] as number) - (x[2] as number));
      const more = moves.length > SHOWN ? `… and ${moves.length - SHOWN} more flows\n` : '';
      return (
        `${letter(pair.a)} → ${letter(pair.b)}: ${formatNumber(pair.accountsMoved)} accounts move (workload ${formatNumber(round(pair.workloadMoved, 1))})\n` +
        (moves.length
          ? renderTable(['from', 'to', 'accounts', 'workload'], moves.slice(0, SHOWN)) + more
          : '')
      );
    })
    .join('\n');

  const reps = [...comparison.reps].sort(
    (x, y) => maxChange(y.change) - maxChange(x.change) || x.repId.localeCompare(y.repId),
  );
  const repTable = renderTable(
    ['rep', ...letters.map((l) => `workload ${l}`), ...letters.slice(1).map((l) => `${l} − A`)],
    reps
      .slice(0, SHOWN)
      .map((r) => [
        r.repName ? `${r.repId} ${r.repName}` : r.repId,
        ...r.workload.map((w) => (w === null ? null : round(w, 1))),
        ...r.change.slice(1).map((c) => (c === null ? null : round(c, 1))),
      ]),
  );
  const moreReps = reps.length > SHOWN ? `… and ${reps.length - SHOWN} more reps\n` : '';
  return `${names}\n\n${baselines(comparison)}\n${metricTable}\n${pairs}\nrep workloads, largest change first\n${repTable}${moreReps}`;
}

/**
 * What continuity is measured against: one reference for every column, so its deltas mean
 * something, and each scenario whose own baseline differs with its figure against that one.
 */
function baselines(comparison: ScenarioComparison): string {
  const { reference } = comparison;
  const what =
    reference.kind === 'owners'
      ? "today's owners, the accounts' owner column"
      : 'its baseline plan, dataset.baseline';
  const lines = [
    `continuity: every scenario against ${letter(reference.scenario)}'s baseline (${what})\n`,
  ];
  comparison.baselines.forEach((baseline, s) => {
    if (s === reference.scenario || baseline.differsFromReference === 0) return;
    const own = baseline.ownContinuity;
    const kind = baseline.kind === 'plan' ? 'a baseline plan' : "today's owners";
    lines.push(
      `  ${letter(s)}'s own baseline (${kind}) differs from it for ${formatNumber(baseline.differsFromReference)} accounts; ` +
        `against its own, ${letter(s)} moves ${percent(own.accountsMovedShare)} of accounts and ${percent(own.revenueMovedShare)} of revenue\n`,
    );
  });
  return lines.join('');
}

function percent(share: number): string {
  return `${formatNumber(round(share * 100, 1))}%`;
}

function letter(i: number): string {
  return String.fromCharCode(65 + i);
}

function maxChange(changes: readonly (number | null)[]): number {
  return Math.max(0, ...changes.map((c) => (c === null ? Infinity : Math.abs(c))));
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
