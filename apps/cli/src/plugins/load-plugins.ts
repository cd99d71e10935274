import type { PluginRegistry } from '@tessera/core';
import type { LoadedPluginModule } from '@tessera/core/node';
import { Option, type Command } from 'commander';
import { collect } from '../params.js';

/** The strategies a command may use: the built-ins, the project config's and `--plugin`'s. */
export interface CommandPlugins {
  registry: PluginRegistry;
  /** The plugin modules' `file:` URLs, for worker threads that must load them too. */
  pluginModules: string[];
  modules: LoadedPluginModule[];
  configPath: string | null;
}

/** What commands that run strategies accept: `--plugin <module>`, repeatable. */
export interface PluginFlags {
  plugin: string[];
}

export function withPluginOption(command: Command): Command {
  return command.addOption(
    new Option(
      '--plugin <module>',
      'load strategies from a file or package (repeatable; added to those of tessera.config.*)',
    )
      .argParser(collect)
      .default([]),
  );
}

/**
 * Loads the plugins a command sees from the directory the user typed it in: the nearest
 * `tessera.config.{ts,js,json}` upward, then each `--plugin`, on top of the built-ins.
 */
export async function loadCommandPlugins(
  flags: PluginFlags,
  cwd = process.cwd(),
): Promise<CommandPlugins> {
  // Loaded here rather than at the top: every command file imports this one for its
  // `--plugin` option, and `tessera --help` should not pay for the strategies.
  const [{ loadProjectPlugins }, { createBuiltinRegistry }] = await Promise.all([
    import('@tessera/core/node'),
    import('@tessera/plugins'),
  ]);
  const registry = createBuiltinRegistry();
  const loaded = await loadProjectPlugins(registry, { cwd, modules: flags.plugin });
  return {
    registry,
    pluginModules: loaded.urls,
    modules: loaded.modules,
    configPath: loaded.configPath,
  };
}
