import type { PluginRegistry } from '../plugin/registry.js';
import type { LoadedPluginModule } from './import-plugin-module.js';
import { findProjectConfig, readProjectConfig } from './project-config.js';
import { registerPluginModules } from './register-plugins.js';
import type { PluginModuleSpec } from './resolve-plugin-module.js';

export interface LoadProjectPluginsOptions {
  /** Where the user is: the config is looked for from here upward. */
  cwd: string;
  /** Extra modules (`--plugin`), resolved from `cwd`. */
  modules?: readonly string[] | undefined;
  /** Use this config file instead of looking for one; `false` to ignore configs. */
  config?: string | false | undefined;
}

export interface ProjectPlugins {
  /** The config file that was read, if any. */
  configPath: string | null;
  modules: LoadedPluginModule[];
  /** The modules' `file:` URLs, for worker threads that must load the same plugins. */
  urls: string[];
}

/**
 * The plugins a command run in `cwd` sees: those of the nearest `tessera.config.*`, then
 * those named on the command line, registered into `registry` on top of what it holds.
 * The CLI, the API server and the web build all load plugins through this.
 */
export async function loadProjectPlugins(
  registry: PluginRegistry,
  options: LoadProjectPluginsOptions,
): Promise<ProjectPlugins> {
  const configPath =
    options.config === false ? null : (options.config ?? findProjectConfig(options.cwd));
  const specs: PluginModuleSpec[] = configPath ? (await readProjectConfig(configPath)).plugins : [];
  for (const specifier of options.modules ?? []) {
    specs.push({ specifier, from: options.cwd, origin: '--plugin' });
  }
  const modules = await registerPluginModules(registry, specs);
  return { configPath, modules, urls: modules.map((m) => m.module.url) };
}
