import type { SimulationResult } from '@tessera/scenarios';
import { renderTable, type Cell } from './text-table.js';

const whole = (value: number | null): number | null => (value === null ? null : Math.round(value));

/** Simulated revenue rows: one column per scenario, then each one's difference from the first. */
export function formatSimulationTable(
  names: readonly string[],
  results: readonly SimulationResult[],
): string {
  const rows: [string, (r: SimulationResult) => number | null][] = [
    ['expected revenue', (r) => r.total.expected],
    ['P10', (r) => r.total.p10],
    ['P50', (r) => r.total.p50],
    ['P90', (r) => r.total.p90],
    ['travel cost', (r) => r.total.travelCost],
    ['net of travel', (r) => r.total.net],
  ];
  const several = results.length > 1;
  const table = renderTable(
    ['simulated', ...names, ...(several ? names.slice(1).map((n) => `${n} − ${names[0]!}`) : [])],
    rows.map(([label, value]) => {
      const values = results.map((r) => whole(value(r)));
      const base = values[0] ?? null;
      const deltas = several
        ? values.slice(1).map((v) => (v === null || base === null ? null : v - base))
        : [];
      return [label, ...values, ...deltas] as Cell[];
    }),
  );
  const { draws, seed } = results[0]!;
  return `revenue simulation: ${draws.toLocaleString('en-US')} draws, seed ${String(seed)} (docs/simulation.md)\n${table}`;
}
