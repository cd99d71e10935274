import type { StrategyPlugin } from '../plugin/contract.js';

/**
 * The plugins a module exports: its default export (one plugin or an array of them) and its
 * named exports that are plugins, each once even when exported under several names. A value
 * counts as a plugin when it has a string `id` and a `segment` function; the registry checks
 * the rest, so a malformed plugin is reported rather than silently skipped.
 */
export function collectPlugins(namespace: Record<string, unknown>): StrategyPlugin[] {
  const found = new Set<StrategyPlugin>();
  const add = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) if (looksLikePlugin(item)) found.add(item);
    } else if (looksLikePlugin(value)) {
      found.add(value);
    }
  };
  add(namespace.default);
  for (const [name, value] of Object.entries(namespace)) if (name !== 'default') add(value);
  return [...found];
}

export function looksLikePlugin(value: unknown): value is StrategyPlugin {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as { id?: unknown; segment?: unknown };
  return typeof candidate.id === 'string' && typeof candidate.segment === 'function';
}
