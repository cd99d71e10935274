import type { Command } from 'commander';
import type { CliIO } from './io.js';

/**
 * What every (sub)command needs to behave like the rest of `tessera`: errors thrown rather than
 * exiting the process, output through `io`, and a hint to `--help` after a usage error.
 */
export function configureCommand(command: Command, io: CliIO): Command {
  return command
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run with --help for usage)');
}
