import type { ScenarioRun } from '@tessera/scenarios';
import { summaryRows } from './metrics-table.js';
import { renderTable } from './text-table.js';

const collator = new Intl.Collator('en', { numeric: true });
const round = (value: number, decimals = 0): number => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

/** A run for people: what the edits did, the summary metrics, one line per territory. */
export function formatScenarioRun(run: ScenarioRun): string {
  const edits = run.edited.log.length
    ? `${run.edited.log.map((line) => `  ${line}`).join('\n')}\n\n`
    : '';
  const summary = renderTable(['metric', 'value'], summaryRows(run.metrics));
  const territories = renderTable(
    [
      'territory',
      'rep',
      'accounts',
      'gained',
      'workload',
      'capacity',
      'util.',
      'potential',
      'travel km',
    ],
    [...run.territories]
      .sort((x, y) => collator.compare(x.id, y.id))
      .map((t) => [
        t.id,
        t.repName === null ? '(unstaffed)' : `${t.repId ?? ''} ${t.repName}`.trim(),
        t.accounts,
        t.accountsGained,
        round(t.workload),
        round(t.capacity),
        round(t.utilization, 3),
        round(t.potential),
        t.travelKm === null ? null : round(t.travelKm, 1),
      ]),
  );
  const title = `scenario "${run.scenario.name}": ${run.edited.accounts.length.toLocaleString('en-US')} accounts, ${run.plan.territories.length} territories, strategy ${run.scenario.strategy.id}, ${round(run.timings.totalMs)} ms\n`;
  return `${title}${edits}${summary}\n${territories}`;
}
