import { z } from 'zod';
import { TesseraError } from '../errors/tessera-error.js';
import type { StrategyPlugin } from './contract.js';

/** What the UI, the API and `tessera plugins` show of a plugin. */
export interface PluginInfo {
  id: string;
  name: string;
  version: string;
  description: string;
  /** The parameters as JSON Schema (draft 2020-12), for forms and request validation. */
  paramsSchema: Record<string, unknown>;
}

const PLUGIN_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const SEMVER = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;

/** The plugins a process knows, by id. */
export class PluginRegistry {
  readonly #plugins = new Map<string, StrategyPlugin>();

  constructor(plugins: Iterable<StrategyPlugin> = []) {
    for (const plugin of plugins) this.register(plugin);
  }

  /** Adds a plugin; throws when its shape is wrong or its id is taken. */
  register(plugin: StrategyPlugin): this {
    const fault = describePluginFault(plugin);
    if (fault) throw new TesseraError('INVALID_PLUGIN', fault);
    if (this.#plugins.has(plugin.id)) {
      throw new TesseraError(
        'DUPLICATE_PLUGIN',
        `a plugin with id "${plugin.id}" is already registered`,
      );
    }
    this.#plugins.set(plugin.id, plugin);
    return this;
  }

  has(id: string): boolean {
    return this.#plugins.has(id);
  }

  /** The plugin with this id; the error lists the ids that do exist. */
  get(id: string): StrategyPlugin {
    const plugin = this.#plugins.get(id);
    if (!plugin) {
      const known = [...this.#plugins.keys()].sort().join(', ') || 'none';
      throw new TesseraError('UNKNOWN_PLUGIN', `unknown strategy "${id}" (known: ${known})`);
    }
    return plugin;
  }

  /** Every plugin with its parameter JSON Schema, sorted by id. */
  list(): PluginInfo[] {
    return [...this.#plugins.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(pluginInfo);
  }
}

export function pluginInfo(plugin: StrategyPlugin): PluginInfo {
  return {
    id: plugin.id,
    name: plugin.name,
    version: plugin.version,
    description: plugin.description,
    paramsSchema: z.toJSONSchema(plugin.params, { io: 'input', unrepresentable: 'any' }),
  };
}

function describePluginFault(plugin: unknown): string | null {
  if (plugin === null || typeof plugin !== 'object') return 'a plugin must be an object';
  const p = plugin as Partial<Record<keyof StrategyPlugin, unknown>>;
  const label = typeof p.id === 'string' ? `plugin "${p.id}"` : 'plugin';
  if (typeof p.id !== 'string' || !PLUGIN_ID.test(p.id)) {
    return `${label}: id must be lower-case kebab-case (got ${JSON.stringify(p.id)})`;
  }
  if (typeof p.name !== 'string' || p.name === '') return `${label}: name is missing`;
  if (typeof p.version !== 'string' || !SEMVER.test(p.version)) {
    return `${label}: version must be semver like 1.0.0 (got ${JSON.stringify(p.version)})`;
  }
  if (typeof p.description !== 'string') return `${label}: description is missing`;
  if (!isZodSchema(p.params)) return `${label}: params must be a zod 4 schema`;
  if (typeof p.segment !== 'function') return `${label}: segment must be a function`;
  return null;
}

/**
 * A plugin installed beside the host may bring its own copy of zod, so its schemas fail
 * `instanceof`; zod 4 marks every schema with `_zod`, which is what its functions read.
 */
function isZodSchema(value: unknown): boolean {
  if (value instanceof z.ZodType) return true;
  return (
    value !== null &&
    typeof value === 'object' &&
    '_zod' in value &&
    typeof (value as { safeParse?: unknown }).safeParse === 'function'
  );
}
