// The public API of @tessera/plugins: the built-in strategies, each a plain plugin object.
import { PluginRegistry, type StrategyPlugin } from '@tessera/core';
import { nearest } from './nearest/index.js';

export { nearest };

/** Every strategy that ships with Tessera. */
export const builtinPlugins: readonly StrategyPlugin[] = [nearest];

/** A registry holding the built-in strategies, ready for more to be registered. */
export function createBuiltinRegistry(): PluginRegistry {
  return new PluginRegistry(builtinPlugins);
}
