import { Command } from 'commander';
import type { CliIO } from '../io.js';
import { formatValue, seedValue, type Format } from './options.js';

export interface MetricsOptions {
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
      const { metrics } = await import('./metrics-action.js');
      await metrics(io, options);
    });
}
