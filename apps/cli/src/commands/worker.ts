import type * as ApiCommands from '@tessera/api/commands';
import { Command } from 'commander';
import { CliError, type CliIO } from '../io.js';
import { withPluginOption, type PluginFlags } from '../plugins/load-plugins.js';

/**
 * `tessera worker`: a process that takes runs and sweep points from the PostgreSQL queue
 * (`DATABASE_URL`) until SIGTERM. The work is @tessera/api's, loaded only here, so the CLI
 * installs without the server.
 */
export function workerCommand(io: CliIO): Command {
  return withPluginOption(
    new Command('worker').description(
      'take runs and sweep points from the shared PostgreSQL queue (DATABASE_URL) on this machine’s cores (TESSERA_WORKERS) until SIGTERM; running jobs then go back to the queue',
    ),
  ).action(async (flags: PluginFlags) => {
    const { runWorker } = await loadApiCommands();
    await runWorker({
      env: process.env,
      cwd: io.directory ?? process.cwd(),
      plugins: flags.plugin,
      stderr: io.stderr,
    });
  });
}

async function loadApiCommands(): Promise<typeof ApiCommands> {
  try {
    return await import('@tessera/api/commands');
  } catch (error) {
    const missing = error as { code?: unknown; message?: unknown } | null;
    if (
      missing?.code === 'ERR_MODULE_NOT_FOUND' &&
      String(missing.message).includes("'@tessera/api")
    ) {
      throw new CliError(
        '`tessera worker` needs the server package: install @tessera/api beside @tessera/cli',
        { cause: error },
      );
    }
    throw error;
  }
}
