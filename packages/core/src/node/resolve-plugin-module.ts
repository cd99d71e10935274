import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve as resolveImport } from 'import-meta-resolve';
import { TesseraError } from '../errors/tessera-error.js';

/** A plugin module as the user named it, and the directory whose point of view resolves it. */
export interface PluginModuleSpec {
  /** A file or directory path, or a package name (`tessera-plugin-x`, `@acme/strategies/west`). */
  specifier: string;
  /** The directory that named it: the shell's for `--plugin`, the config file's for `plugins`. */
  from: string;
  /** Where the name came from, for messages (`--plugin`, `tessera.config.json`). */
  origin?: string | undefined;
}

/** A plugin module found on disk. */
export interface ResolvedPluginModule extends PluginModuleSpec {
  /** The `file:` URL to import. */
  url: string;
}

/**
 * Finds the file a plugin specifier names, the way Node's `import` would from `from`: a path
 * (`./x.js`, `../pkg`, `/abs/x.ts`) is taken relative to `from`, a directory by its
 * package.json; anything else is a package looked up in the `node_modules` folders above `from`.
 */
export function resolvePluginModule(spec: PluginModuleSpec): ResolvedPluginModule {
  const { specifier, from } = spec;
  if (specifier.trim() === '') throw moduleError(spec, 'is empty: name a file or a package');
  if (isPathLike(specifier)) {
    const path = specifier.startsWith('file:')
      ? fileURLToPath(specifier)
      : resolve(from, specifier);
    return { ...spec, url: pathToFileURL(resolvePath(spec, path)).href };
  }
  const parent = pathToFileURL(join(from, 'tessera.config.js')).href;
  try {
    return { ...spec, url: resolveImport(specifier, parent) };
  } catch (error) {
    throw moduleError(spec, notFoundReason(specifier, from, error), error);
  }
}

/** `--plugin "./x.js"` and `plugins: ["../pkg"]`: paths, not package names. */
function isPathLike(specifier: string): boolean {
  return (
    specifier.startsWith('.') ||
    specifier.startsWith('file:') ||
    isAbsolute(specifier) ||
    /^[A-Za-z]:[\\/]/.test(specifier)
  );
}

function resolvePath(spec: PluginModuleSpec, path: string): string {
  if (!existsSync(path)) throw moduleError(spec, `no file or directory at ${path}`);
  if (!statSync(path).isDirectory()) return path;
  const manifest = join(path, 'package.json');
  if (!existsSync(manifest)) {
    for (const index of ['index.js', 'index.mjs', 'index.ts']) {
      if (existsSync(join(path, index))) return join(path, index);
    }
    throw moduleError(spec, `${path} is a directory with neither a package.json nor an index.js`);
  }
  const name = packageName(spec, manifest);
  try {
    // A package imports itself by name through its own `exports`, as its users would.
    return fileURLToPath(resolveImport(name, pathToFileURL(manifest).href));
  } catch (error) {
    const main = mainEntry(manifest);
    if (main && existsSync(main)) return main;
    throw moduleError(
      spec,
      `the package at ${path} has no entry point to import (${errorText(error)}); ` +
        'is it built? (run its build, e.g. `pnpm build`, so its exports exist)',
      error,
    );
  }
}

function packageName(spec: PluginModuleSpec, manifest: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(manifest, 'utf8'));
  } catch (error) {
    throw moduleError(spec, `${manifest} is not valid JSON (${errorText(error)})`, error);
  }
  const name = (parsed as { name?: unknown } | null)?.name;
  if (typeof name !== 'string' || name === '') {
    throw moduleError(spec, `${manifest} has no "name", so its exports cannot be resolved`);
  }
  return name;
}

function mainEntry(manifest: string): string | null {
  const { main } = JSON.parse(readFileSync(manifest, 'utf8')) as { main?: unknown };
  return typeof main === 'string' ? resolve(dirname(manifest), main) : null;
}

function notFoundReason(specifier: string, from: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_MODULE_NOT_FOUND') {
    const looked = nodeModulesAbove(from);
    const shown = looked.slice(0, 4).join(', ') + (looked.length > 4 ? ', …' : '');
    return `cannot find package "${packageOf(specifier)}" from ${from} (looked in ${shown}); install it there, or pass a path such as ./${specifier}`;
  }
  return `cannot be resolved from ${from}: ${errorText(error)}`;
}

function nodeModulesAbove(from: string): string[] {
  const dirs: string[] = [];
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    dirs.push(join(dir, 'node_modules'));
    if (dirname(dir) === dir) return dirs;
  }
}

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export function moduleError(spec: PluginModuleSpec, reason: string, cause?: unknown): TesseraError {
  const where = spec.origin ? ` (${spec.origin})` : '';
  return new TesseraError('PLUGIN_MODULE', `plugin module "${spec.specifier}"${where}: ${reason}`, {
    cause,
  });
}

export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!;
}
