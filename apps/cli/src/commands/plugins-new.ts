import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Command } from 'commander';
import { CliError, type CliIO } from '../io.js';
import { formatOption, type Format } from './options.js';

const PLUGIN_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Words that cannot name an exported const: such ids get a `Strategy` suffix. */
const RESERVED = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export ' +
    'extends false finally for function if implements import in instanceof interface let new ' +
    'null package private protected public return static super switch this throw true try ' +
    'typeof var void while with yield'
  ).split(' '),
);

/** What the template's `__NAME__` placeholders become for one plugin. */
export function templateValues(id: string, versions: TemplateVersions): Record<string, string> {
  const words = id.split('-');
  const camel = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  return {
    __PACKAGE_NAME__: `tessera-plugin-${id}`,
    __PLUGIN_ID__: id,
    __PLUGIN_TITLE__: words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' '),
    __PLUGIN_EXPORT__: RESERVED.has(camel) ? `${camel}Strategy` : camel,
    __TESSERA_RANGE__: `^${versions.tessera}`,
    __ZOD_RANGE__: versions.zod,
    __VITEST_RANGE__: versions.vitest,
    __FAST_CHECK_RANGE__: versions.fastCheck,
    __TYPESCRIPT_RANGE__: '~6.0.3',
  };
}

interface TemplateVersions {
  tessera: string;
  zod: string;
  vitest: string;
  fastCheck: string;
}

/** The template ships inside @tessera/plugins, with the versions it was built against. */
async function findTemplate(): Promise<{ dir: string; versions: TemplateVersions }> {
  const manifestPath = createRequire(import.meta.url).resolve('@tessera/plugins/package.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
  };
  return {
    dir: join(dirname(manifestPath), 'template'),
    versions: {
      tessera: manifest.version,
      zod: manifest.dependencies.zod ?? '*',
      vitest: manifest.peerDependencies.vitest ?? '*',
      fastCheck: manifest.peerDependencies['fast-check'] ?? '*',
    },
  };
}

/** Template files by their path relative to the template, `_gitignore` as `.gitignore`. */
async function templateFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** Fails unless `dir` is missing or an empty directory. */
async function checkTarget(dir: string): Promise<void> {
  try {
    const entries = await readdir(dir);
    if (entries.length > 0) throw new CliError(`"${dir}" exists and is not empty`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    throw new CliError(`"${dir}" is not a directory we can use (${code ?? String(error)})`);
  }
}

/**
 * Writes the package into a temporary sibling and renames it into place, so a failed run
 * leaves nothing half-made behind.
 */
async function writePackage(
  target: string,
  template: string,
  values: Record<string, string>,
  extra: Record<string, string>,
): Promise<string[]> {
  const staging = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const placeholder = new RegExp(Object.keys(values).join('|'), 'g');
  const written: string[] = [];
  try {
    for (const file of await templateFiles(template)) {
      const text = await readFile(join(template, file), 'utf8');
      const name = file.replace(/(^|[/\\])_gitignore$/, '$1.gitignore');
      await mkdir(dirname(join(staging, name)), { recursive: true });
      await writeFile(
        join(staging, name),
        text.replace(placeholder, (key) => values[key]!),
      );
      written.push(name);
    }
    for (const [name, text] of Object.entries(extra)) {
      await writeFile(join(staging, name), text);
      written.push(name);
    }
    await rmdir(target).catch(() => undefined);
    await rename(staging, target);
    return written;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(`cannot create "${target}" (${code})`, { cause: error });
  }
}

interface PluginsNewOptions {
  dir?: string;
  tarballs?: string;
  format: Format;
}

export function pluginsNewCommand(io: CliIO): Command {
  return new Command('new')
    .description('create a plugin package (strategy, conformance tests, README) from the template')
    .argument('<id>', 'the strategy id, lower-case kebab-case (e.g. "balanced-workload")')
    .option('--dir <path>', 'where to create the package (default: ./tessera-plugin-<id>)')
    .option(
      '--tarballs <dir>',
      'install @tessera/* from the tarballs of `pnpm pack:local <dir>` (until they are on a registry)',
    )
    .addOption(formatOption('table'))
    .action(async (id: string, options: PluginsNewOptions) => {
      if (!PLUGIN_ID.test(id)) {
        throw new CliError(
          `plugin id "${id}" must be lower-case kebab-case, e.g. "balanced-workload"`,
        );
      }
      const target = resolve(options.dir ?? `tessera-plugin-${id}`);
      await checkTarget(target);
      const { dir: template, versions } = await findTemplate();
      const extra: Record<string, string> = {};
      if (options.tarballs) {
        extra['pnpm-workspace.yaml'] = await tarballOverrides(resolve(options.tarballs));
      }
      const values = templateValues(id, versions);
      const files = await writePackage(target, template, values, extra);
      if (options.format === 'json') {
        const created = { package: values.__PACKAGE_NAME__, dir: target, files };
        io.stdout.write(`${JSON.stringify(created, null, 2)}\n`);
        return;
      }
      io.stdout.write(
        `created ${values.__PACKAGE_NAME__} in ${target} (${files.length} files)\n` +
          `next: cd ${target} && pnpm install && pnpm test\n`,
      );
    });
}

/** The packages a plugin package installs, and the tarball name `pnpm pack` gives each. */
const PACKED = ['core', 'plugins', 'sample-data', 'scenarios', 'cli'] as const;

/**
 * pnpm settings that install every `@tessera/*` package, direct or transitive, from the
 * tarballs in `dir`, so the plugin and the CLI share one copy of core.
 */
async function tarballOverrides(dir: string): Promise<string> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(`--tarballs: cannot read "${dir}" (${code})`, { cause: error });
  }
  const lines = PACKED.map((name) => {
    const tarball = names
      .filter((file) => file.startsWith(`tessera-${name}-`))
      .sort()
      .at(-1);
    if (!tarball) {
      throw new CliError(
        `--tarballs: no tessera-${name}-<version>.tgz in "${dir}" (make them with \`pnpm pack:local ${dir}\` in the Tessera repository)`,
      );
    }
    return `  '@tessera/${name}': ${JSON.stringify(`file:${join(dir, tarball)}`)}`;
  });
  return `# @tessera/* from local tarballs (pnpm pack:local), until they are on a registry.\noverrides:\n${lines.join('\n')}\n`;
}
