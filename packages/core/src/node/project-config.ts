import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { describeZodError } from '../errors/format-zod-issue.js';
import { TesseraError } from '../errors/tessera-error.js';
import type { PluginModuleSpec } from './resolve-plugin-module.js';

/** What a `tessera.config.*` file may say. */
export interface TesseraConfig {
  /** Plugin modules: paths relative to the config file, or package names. */
  plugins?: string[];
}

/** A project config as read: where it is and the plugin modules it names. */
export interface ProjectConfig {
  path: string;
  plugins: PluginModuleSpec[];
}

/** The names a project config may have, in the order they are looked for in one directory. */
export const CONFIG_FILE_NAMES = [
  'tessera.config.ts',
  'tessera.config.mts',
  'tessera.config.js',
  'tessera.config.mjs',
  'tessera.config.json',
] as const;

/** Types a `tessera.config.ts`: `export default defineConfig({ plugins: ['./west.ts'] })`. */
export function defineConfig(config: TesseraConfig): TesseraConfig {
  return config;
}

const configSchema = z.strictObject({
  plugins: z.array(z.string().min(1, 'a plugin module name is empty')).optional(),
});

/** The nearest project config from `cwd` upward, or `null` when there is none. */
export function findProjectConfig(cwd: string): string | null {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(dir, name);
      if (existsSync(path)) return path;
    }
    if (dirname(dir) === dir) return null;
  }
}

/** Reads and checks a project config; plugin paths in it are relative to its directory. */
export async function readProjectConfig(path: string): Promise<ProjectConfig> {
  const raw = await loadConfigValue(path);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problem = describeZodError(parsed.error, { input: raw, schema: configSchema });
    const where = problem.path.length ? `${problem.path.map(String).join('.')}: ` : '';
    throw new TesseraError('INVALID_CONFIG', `${path}: ${where}${problem.message}`);
  }
  const from = dirname(path);
  const origin = basename(path);
  return {
    path,
    plugins: (parsed.data.plugins ?? []).map((specifier) => ({ specifier, from, origin })),
  };
}

async function loadConfigValue(path: string): Promise<unknown> {
  try {
    if (path.endsWith('.json')) return JSON.parse(await readFile(path, 'utf8')) as unknown;
    const namespace = (await import(pathToFileURL(path).href)) as { default?: unknown };
    if (namespace.default === undefined) {
      throw new Error('it has no default export: write `export default { plugins: [...] }`');
    }
    return namespace.default;
  } catch (error) {
    const text = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new TesseraError('INVALID_CONFIG', `${path}: cannot be read: ${text}`, { cause: error });
  }
}
