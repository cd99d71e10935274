import { comparePlans } from '@tessera/core';
import { Command } from 'commander';
import { loadPlan } from '../files/load-plan.js';
import { loadTables } from '../files/load-tables.js';
import { formatCompareTable } from '../format/compare-table.js';
import type { CliIO } from '../io.js';
import { formatValue, seedValue, type Format } from './options.js';

interface CompareOptions {
  accounts: string;
  reps: string;
  format: Format;
  seed: string | number;
}

export function compareCommand(io: CliIO): Command {
  return new Command('compare')
    .description('compare two plans: metric deltas (B − A) and accounts moved (JSON on stdout)')
    .argument('<a.csv>', 'plan A')
    .argument('<b.csv>', 'plan B')
    .requiredOption('--accounts <file>', 'accounts CSV')
    .requiredOption('--reps <file>', 'reps CSV')
    .option('--format <format>', 'json or table', formatValue, 'json')
    .option('--seed <seed>', 'seed of the k-means reference for compactness', seedValue, 0)
    .action(async (fileA: string, fileB: string, options: CompareOptions) => {
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
    });
}
