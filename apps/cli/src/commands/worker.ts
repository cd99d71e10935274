import { Command } from 'commander';
import { loadApiCommands } from '../api-commands.js';
import type { CliIO } from '../io.js';
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
    const { runWorker } = await loadApiCommands('worker');
    await runWorker({
      env: process.env,
      cwd: io.directory ?? process.cwd(),
      plugins: flags.plugin,
      stderr: io.stderr,
    });
  });
}
