import type * as ApiCommands from '@tessera/api/commands';
import { CliError } from './io.js';

/**
 * The server-side commands of @tessera/api, loaded on demand: @tessera/cli is published and
 * has @tessera/api only as an optional peer, so a CLI installed alone still runs every other
 * command, and this one says what to install.
 */
export async function loadApiCommands(
  command: string,
  load: () => Promise<typeof ApiCommands> = () => import('@tessera/api/commands'),
): Promise<typeof ApiCommands> {
  try {
    return await load();
  } catch (error) {
    const missing = error as { code?: unknown; message?: unknown } | null;
    if (
      missing?.code === 'ERR_MODULE_NOT_FOUND' &&
      String(missing.message).includes("'@tessera/api")
    ) {
      throw new CliError(`tessera ${command} needs @tessera/api installed beside @tessera/cli`, {
        cause: error,
      });
    }
    throw error;
  }
}
