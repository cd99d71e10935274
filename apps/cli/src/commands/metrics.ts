import { computeMetrics } from '@tessera/core';
import { Command } from 'commander';
import { loadPlan } from '../files/load-plan.js';
import { loadTables } from '../files/load-tables.js';
import { formatMetricsTable } from '../format/metrics-table.js';
import type { CliIO } from '../io.js';
import { formatValue, seedValue, type Format } from './options.js';

interface MetricsOptions {
  accounts: string;
  reps: string;
  plan: string;
  format: Format;
  seed: string | number;
}

export function metricsCommand(io: CliIO): Command {
  return new Command('metrics')
    .description('compute the metrics of a plan (JSON on stdout)')
    .requiredOption('--accounts <file>', 'accounts CSV')
    .requiredOption('--reps <file>', 'reps CSV')
    .requiredOption('--plan <plan.csv>', 'plan CSV (account_id,territory_id,rep_id)')
    .option('--format <format>', 'json or table', formatValue, 'json')
    .option('--seed <seed>', 'seed of the k-means reference for compactness', seedValue, 0)
    .action(async (options: MetricsOptions) => {
      const { accounts, reps } = await loadTables(io, options);
      const plan = await loadPlan(
        io,
        options.plan,
        { accounts, reps },
        { accountsFile: options.accounts, role: 'plan' },
      );
      const metrics = computeMetrics(accounts, reps, plan, { seed: options.seed });
      io.stdout.write(
        options.format === 'table'
          ? formatMetricsTable(metrics)
          : `${JSON.stringify(metrics, null, 2)}\n`,
      );
    });
}
