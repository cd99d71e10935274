import { join } from 'node:path';
import { accountsToCsv, repsToCsv } from '@tessera/core';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import { Command } from 'commander';
import { writeOutput } from '../files/write-output.js';
import type { CliIO } from '../io.js';
import { formatOption, positiveInteger, seedValue, type Format } from './options.js';

interface GenerateOptions {
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
      const { accounts, reps } = generateSample({
        accounts: options.accounts,
        reps: options.reps,
        seed: options.seed,
        places: loadUsPlaces(),
      });
      const accountsFile = join(options.out, 'accounts.csv');
      const repsFile = join(options.out, 'reps.csv');
      await writeOutput(repsFile, repsToCsv(reps));
      await writeOutput(accountsFile, accountsToCsv(accounts));
      io.stdout.write(
        options.format === 'json'
          ? `${JSON.stringify(
              {
                accounts: { file: accountsFile, rows: accounts.length },
                reps: { file: repsFile, rows: reps.length },
              },
              null,
              2,
            )}\n`
          : `wrote ${accountsFile} (${accounts.length} accounts) and ${repsFile} (${reps.length} reps)\n`,
      );
    });
}
