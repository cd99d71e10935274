import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { adminCommand } from './commands/admin.js';
import { compareCommand } from './commands/compare.js';
import { generateCommand } from './commands/generate.js';
import { metricsCommand } from './commands/metrics.js';
import { pluginsCommand } from './commands/plugins.js';
import { scenarioCommand } from './commands/scenario.js';
import { solveCommand } from './commands/solve.js';
import { workerCommand } from './commands/worker.js';
import { configureCommand } from './configure-command.js';
import { CliError, UsageError, type CliIO } from './io.js';

/** The exit codes: 0 done, 1 the input or the run failed, 2 the command line itself is wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * Runs `tessera` with the given arguments (without `node` and the script). Every failure the
 * user can fix ends as one line on stderr and a non-zero exit code, never a stack trace.
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const program = configureCommand(
    new Command('tessera')
      .description('Sales-territory planning from the command line.')
      .version(VERSION),
    io,
  );
  for (const command of [
    generateCommand(io),
    solveCommand(io),
    metricsCommand(io),
    compareCommand(io),
    pluginsCommand(io),
    scenarioCommand(io),
    workerCommand(io),
    adminCommand(io),
  ]) {
    program.addCommand(configureCommand(command, io));
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has printed its message; help and version are not failures
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`tessera: ${error.message}\n(run with --help for usage)\n`);
      return EXIT.usage;
    }
    // Loaded only now: a command that can throw its errors has loaded it already, and
    // `tessera --help` starts without it.
    const { TesseraError } = await import('@tessera/core');
    if (error instanceof CliError || error instanceof TesseraError) {
      io.stderr.write(`tessera: ${error.message}\n`);
      return EXIT.failed;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`tessera: unexpected error: ${message}\n`);
    return EXIT.failed;
  }
}

// src/ and dist/ both sit one level below package.json.
const { version: VERSION } = createRequire(import.meta.url)('../package.json') as {
  version: string;
};
