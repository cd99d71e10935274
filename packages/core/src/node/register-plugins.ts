import type { PluginRegistry } from '../plugin/registry.js';
import { importPluginModule, type LoadedPluginModule } from './import-plugin-module.js';
import {
  errorText,
  moduleError,
  resolvePluginModule,
  type PluginModuleSpec,
} from './resolve-plugin-module.js';

/**
 * Resolves, imports and registers plugin modules in order. Every failure names the module:
 * not found (and where it looked), a throw while loading, no plugin exported, an invalid
 * plugin, or an id taken by a built-in strategy or by a plugin of another module. A module
 * named twice (from the config and from `--plugin`) is loaded once.
 */
export async function registerPluginModules(
  registry: PluginRegistry,
  specs: readonly PluginModuleSpec[],
): Promise<LoadedPluginModule[]> {
  const loaded: LoadedPluginModule[] = [];
  const ownerOf = new Map<string, LoadedPluginModule>();
  const seen = new Set<string>();
  for (const spec of specs) {
    const resolved = resolvePluginModule(spec);
    if (seen.has(resolved.url)) continue;
    seen.add(resolved.url);
    const entry = await importPluginModule(resolved);
    for (const plugin of entry.plugins) {
      const owner = ownerOf.get(plugin.id);
      if (owner) {
        throw moduleError(
          resolved,
          `strategy id "${plugin.id}" is already taken by plugin module "${owner.module.specifier}"; give one of them another id`,
        );
      }
      if (registry.has(plugin.id)) {
        throw moduleError(
          resolved,
          `strategy id "${plugin.id}" clashes with a built-in strategy; give the plugin another id`,
        );
      }
      try {
        registry.register(plugin);
      } catch (error) {
        throw moduleError(resolved, `exports an invalid plugin: ${errorText(error)}`, error);
      }
      ownerOf.set(plugin.id, entry);
    }
    loaded.push(entry);
  }
  return loaded;
}
