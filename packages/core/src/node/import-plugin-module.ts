import type { StrategyPlugin } from '../plugin/contract.js';
import { collectPlugins } from './collect-plugins.js';
import { errorText, moduleError, type ResolvedPluginModule } from './resolve-plugin-module.js';

/** A plugin module and the plugins it exported. */
export interface LoadedPluginModule {
  module: ResolvedPluginModule;
  plugins: StrategyPlugin[];
}

/**
 * Imports a resolved plugin module and collects its plugins. A module that throws while it
 * loads, or exports no plugin, becomes one `TesseraError` naming the module and its file.
 */
export async function importPluginModule(
  module: ResolvedPluginModule,
): Promise<LoadedPluginModule> {
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(module.url)) as Record<string, unknown>;
  } catch (error) {
    throw moduleError(
      module,
      `failed to load ${displayPath(module.url)}: ${errorText(error)}`,
      error,
    );
  }
  const plugins = collectPlugins(namespace);
  if (plugins.length === 0) {
    const names = Object.keys(namespace);
    const exported = names.length ? `it exports ${names.join(', ')}` : 'it exports nothing';
    throw moduleError(
      module,
      `${displayPath(module.url)} exports no plugin (${exported}); export a plugin made with definePlugin as the default export, an array of plugins, or named exports`,
    );
  }
  return { module, plugins };
}

function displayPath(url: string): string {
  return url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
}
