import { comparePlans } from '@tessera/core';
import { loadPlan } from '../files/load-plan.js';
import { loadTables } from '../files/load-tables.js';
import { formatCompareTable } from '../format/compare-table.js';
import type { CliIO } from '../io.js';
import type { CompareOptions } from './compare.js';

export async function compare(io: CliIO, fileA: string, fileB: string, options: CompareOptions): Promise<void> {
  const tables = await loadTables(io, options);
  const { accounts, reps } = tables;
  const plans = { accountsFile: options.accounts, role: 'plan' } as const;
  const a = await loadPlan(io, fileA, tables, plans);
  const b = await loadPlan(io, fileB, tables, plans);
  const comparison = comparePlans(accounts, reps, a, b, { seed: options.seed });
  if (options.format === 'table') {
    io.stdout.write(formatCompareTable(comparison, fileA, fileB));
    return;
  }
  const { accountsMoved, accountsMovedShare, delta, a: metricsA, b: metricsB } = comparison;
  const report = {
    plans: { a: fileA, b: fileB },
    accountsMoved,
    accountsMovedShare,
    delta,
    a: metricsA,
    b: metricsB,
  };
  io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}
