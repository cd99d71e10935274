// `tessera plugins new` end to end: the package it writes type-checks, builds with the root
// TypeScript and passes the conformance suite with the root vitest. It is written inside the
// workspace (packages/tests/.generated) so its dependencies resolve to the workspace packages.
import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tessera } from '../testing/run-tessera.js';
import { templateValues } from './plugins-new.js';

const root = resolve(import.meta.dirname, '../../../..');
const scratch = join(root, 'packages/tests/.generated', `plugins-new-${process.pid}`);
const target = join(scratch, 'acme-balance');

/** Runs a root tool with Node; resolves with its output, whatever its exit code. */
async function node(...args: string[]): Promise<{ code: number; output: string }> {
  // The child is a fresh vitest/tsc, not a worker of this run.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'TEST'),
  );
  env.NO_COLOR = '1';
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, {
      cwd: root,
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** Resolve workspace packages to their sources, as the workspace's own tests do. */
const SOURCE_CONDITIONS = `export default {
  resolve: { conditions: ['@tessera/source'] },
  ssr: { resolve: { conditions: ['@tessera/source'] } },
};
`;

beforeAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  await rmdir(dirname(scratch)).catch(() => undefined); // when no other run is using it
});

describe('tessera plugins new', () => {
  it('writes a package from the template with every placeholder filled', async () => {
    const result = await tessera('plugins', 'new', 'acme-balance', '--dir', target);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`created tessera-plugin-acme-balance in ${target} (7 files)`);
    const files = (await readdir(target, { recursive: true })).sort();
    expect(files).toEqual([
      '.gitignore',
      'README.md',
      'package.json',
      'src',
      'src/index.test.ts',
      'src/index.ts',
      'tsconfig.build.json',
      'tsconfig.json',
    ]);
    for (const file of files.filter((f) => f !== 'src')) {
      expect(await readFile(join(target, file), 'utf8'), file).not.toMatch(/__[A-Z_]+__/);
    }
    const manifest = JSON.parse(await readFile(join(target, 'package.json'), 'utf8')) as {
      name: string;
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(manifest.name).toBe('tessera-plugin-acme-balance');
    // core is the host's (one copy, the app's); the kit is only for the package's own tests
    expect(manifest.dependencies['@tessera/core']).toBeUndefined();
    expect(manifest.peerDependencies['@tessera/core']).toBe('^0.1.0');
    expect(manifest.devDependencies['@tessera/core']).toBe('^0.1.0');
    expect(manifest.devDependencies['@tessera/plugins']).toBe('^0.1.0');
    expect(manifest.dependencies['@tessera/plugins']).toBeUndefined();
    const readme = await readFile(join(target, 'README.md'), 'utf8');
    expect(readme.split('\n')[0]).toBe('# tessera-plugin-acme-balance');
    expect(await readFile(join(target, 'src/index.ts'), 'utf8')).toContain(
      "export const acmeBalance = definePlugin({\n  id: 'acme-balance',",
    );
  });

  it('makes a package that type-checks, builds and passes the conformance suite', async () => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const conditions = ['--customConditions', '@tessera/source'];
    const config = join(scratch, 'source.vitest.config.mjs');
    await writeFile(config, SOURCE_CONDITIONS);
    const [typecheck, build, test] = await Promise.all([
      node(tsc, '-p', join(target, 'tsconfig.json'), ...conditions),
      node(tsc, '-p', join(target, 'tsconfig.build.json'), ...conditions),
      node(
        join(root, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--root',
        target,
        '--config',
        config,
        '--reporter',
        'verbose',
      ),
    ]);
    expect(typecheck.code, typecheck.output).toBe(0);
    expect(build.code, build.output).toBe(0);
    expect((await readdir(join(target, 'dist'))).sort()).toEqual([
      'index.d.ts',
      'index.js',
      'index.js.map',
    ]);
    expect(test.code, test.output).toBe(0);
    expect(test.output).toContain('acme-balance conformance > abort: rejects with signal.reason');
    expect(test.output).toContain('acme-balance conformance > yields: never holds the thread');
    expect(test.output).not.toMatch(/held the thread for|ms late/);
    expect(test.output).toContain('acme-balance properties > never moves a locked account');
  }, 60_000);

  it('refuses an id that is not kebab-case, in one line', async () => {
    const result = await tessera('plugins', 'new', 'Acme Balance', '--dir', join(scratch, 'x'));
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'tessera: plugin id "Acme Balance" must be lower-case kebab-case, e.g. "balanced-workload"\n',
    });
  });

  it('refuses a directory that is not empty, and accepts an empty one', async () => {
    const taken = await tessera('plugins', 'new', 'other', '--dir', target);
    expect(taken).toEqual({
      code: 1,
      stdout: '',
      stderr: `tessera: "${target}" exists and is not empty\n`,
    });
    const empty = join(scratch, 'empty');
    await mkdir(empty);
    expect(await tessera('plugins', 'new', 'other', '--dir', empty)).toMatchObject({ code: 0 });
  });

  it('keeps `tessera plugins` listing the strategies', async () => {
    const table = await tessera('plugins');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^id\s+version/);
    const json = JSON.parse((await tessera('plugins', '--format', 'json')).stdout) as {
      id: string;
    }[];
    expect(json.map((p) => p.id)).toContain('nearest');
  });
});

describe('templateValues', () => {
  const versions = { tessera: '1.2.3', zod: '^4', vitest: '^5', fastCheck: '^4' };

  it('names the package, the export and the title after the id', () => {
    expect(templateValues('balanced-by-region', versions)).toMatchObject({
      __PACKAGE_NAME__: 'tessera-plugin-balanced-by-region',
      __PLUGIN_EXPORT__: 'balancedByRegion',
      __PLUGIN_TITLE__: 'Balanced By Region',
      __TESSERA_RANGE__: '^1.2.3',
    });
  });

  it('keeps the export a legal name when the id is a reserved word', () => {
    expect(templateValues('default', versions).__PLUGIN_EXPORT__).toBe('defaultStrategy');
  });
});
