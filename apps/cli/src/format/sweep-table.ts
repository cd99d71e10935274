import type { SweepResult } from '@tessera/scenarios';
import { renderTable } from './text-table.js';

const round = (value: number | null, decimals: number): number | null =>
  value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals;

/** The runs of a sweep, the non-dominated ones starred: the trade-off at a glance. */
export function formatSweepTable(result: SweepResult): string {
  const table = renderTable(
    ['', 'run', 'max dev.', 'balance', 'spread km', 'moved %', 'skill %', 'ms', 'error'],
    result.rows.map((row) => [
      row.nonDominated ? '★' : '',
      row.name,
      round(row.balance, 3),
      round(row.balanceIndex, 1),
      round(row.compactnessKm, 1),
      row.disruption === null ? null : round(row.disruption * 100, 1),
      row.skillMatch === null ? null : round(row.skillMatch * 100, 1),
      Math.round(row.ms),
      row.error ?? (row.infeasible ? 'infeasible' : ''),
    ]),
  );
  const failed = result.rows.filter((row) => row.error !== null).length;
  return (
    `sweep "${result.name}": ${result.rows.length} runs, ${result.nonDominated.length} non-dominated (★)` +
    `${failed ? `, ${failed} failed` : ''}; lower is better for max dev., spread and moved\n\n${table}`
  );
}
