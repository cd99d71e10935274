import { Command } from 'commander';
import type { CliIO } from '../io.js';
import { formatValue, seedValue, type Format } from './options.js';

export interface CompareOptions {
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
      const { compare } = await import('./compare-action.js');
      await compare(io, fileA, fileB, options);
    });
}
