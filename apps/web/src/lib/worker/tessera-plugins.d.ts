// The virtual module vite/tessera-plugins.ts serves: the project config's strategy plugins.
declare module 'virtual:tessera/plugins' {
  import type { StrategyPlugin } from '@tessera/core';

  /** The plugins of the nearest tessera.config.*, in the order the loader found them. */
  export const plugins: readonly StrategyPlugin[];
  /** The config file they came from; null when there is none (built-ins only). */
  export const configPath: string | null;
}
