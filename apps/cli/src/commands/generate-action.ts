import { join } from 'node:path';
import { accountsToCsv, repsToCsv } from '@tessera/core';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import { writeOutput } from '../files/write-output.js';
import type { CliIO } from '../io.js';
import type { GenerateOptions } from './generate.js';

export async function generate(io: CliIO, options: GenerateOptions): Promise<void> {
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
}
