import { Command } from 'commander';
import type { CliIO } from '../io.js';
import { formatOption, positiveInteger, seedValue, type Format } from './options.js';

export interface GenerateOptions {
  accounts: number;
  reps: number;
  seed: string | number;
  out: string;
  format: Format;
}

export function generateCommand(io: CliIO): Command {
  return new Command('generate')
    .description('write realistic sample accounts.csv and reps.csv for the US')
    .option('--accounts <n>', 'number of accounts (1 to 5,000,000)', positiveInteger, 10_000)
    .option('--reps <n>', 'number of reps', positiveInteger, 50)
    .option('--seed <seed>', 'random seed: the same seed gives the same files', seedValue, 1)
    .requiredOption('--out <dir>', 'directory to write accounts.csv and reps.csv into')
    .addOption(formatOption('table'))
    .action(async (options: GenerateOptions) => {
      const { generate } = await import('./generate-action.js');
      await generate(io, options);
    });
}
