import type { SweepResult } from '@tessera/scenarios';
import { groupWarnings, numberRanges } from './group-warnings.js';
import { renderTable } from './text-table.js';

const round = (value: number | null, decimals: number): number | null =>
  value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * The runs of a sweep, the non-dominated ones starred: the trade-off at a glance. Runs that
 * repeat an earlier run's plan say so, and the warnings follow the table once per kind, with
 * the runs that gave them, so a grid value that changed nothing does not pass for a choice.
 */
export function formatSweepTable(result: SweepResult): string {
  const table = renderTable(
    [
      '',
      '#',
      'run',
      'max dev.',
      'balance',
      'spread km',
      'moved %',
      'skill %',
      'ms',
      'warn.',
      'note',
    ],
    result.rows.map((row, i) => [
      row.nonDominated ? '★' : '',
      i + 1,
      row.name,
      round(row.balance, 3),
      round(row.balanceIndex, 1),
      round(row.compactnessKm, 1),
      row.disruption === null ? null : round(row.disruption * 100, 1),
      row.skillMatch === null ? null : round(row.skillMatch * 100, 1),
      Math.round(row.ms),
      row.warnings.length,
      note(row, result.rows.length),
    ]),
  );
  const failed = result.rows.filter((row) => row.error !== null).length;
  const warned = result.rows.filter((row) => row.warnings.length > 0).length;
  const title =
    `sweep "${result.name}": ${result.rows.length} runs, ${result.nonDominated.length} non-dominated (★)` +
    `${failed ? `, ${failed} failed` : ''}${warned ? `, ${warned} with warnings` : ''}` +
    `; lower is better for max dev., spread and moved\n\n`;
  return `${title}${table}${sweepWarnings(result)}${runWarnings(result)}`;
}

function note(row: SweepResult['rows'][number], runs: number): string {
  if (row.error !== null) return row.error;
  const notes = [
    row.infeasible ? 'infeasible' : '',
    row.samePlanAs === null || runs < 2 ? '' : `same plan as #${row.samePlanAs + 1}`,
  ];
  return notes.filter(Boolean).join('; ');
}

function sweepWarnings(result: SweepResult): string {
  if (result.warnings.length === 0) return '';
  return `\n${result.warnings.map((w) => `warning: ${w}\n`).join('')}`;
}

/** Each kind of run warning once, with the run numbers that gave it. */
function runWarnings(result: SweepResult): string {
  const groups = groupWarnings(
    result.rows.map((row) => row.warnings),
    'kind',
  );
  if (groups.length === 0) return '';
  const all = result.rows.length;
  const lines = groups.map((group) => {
    const runs =
      group.sources.length === all && all > 1
        ? 'all runs'
        : `run${group.sources.length === 1 ? '' : 's'} ${numberRanges(group.sources)}`;
    const varies = group.variants > 1 ? ' (figures differ between runs)' : '';
    return `  ${runs}: ${group.text}${varies}\n`;
  });
  return `\nrun warnings, by run #:\n${lines.join('')}`;
}
