import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PluginRegistry } from '../plugin/registry.js';
import { definePlugin } from '../plugin/contract.js';
import { z } from 'zod';
import { loadProjectPlugins } from './load-project-plugins.js';
import { findProjectConfig } from './project-config.js';

// Fixture modules live outside the package, as a user's would; they import zod by URL since
// no node_modules sits beside them.
const zodUrl = import.meta.resolve('zod');
const pluginSource = (id: string) => `
import { z } from '${zodUrl}';
export const strategy = {
  id: '${id}', name: '${id}', version: '1.0.0', description: 'test',
  params: z.object({}), segment() { throw new Error('not run here'); },
};`;

const builtin = definePlugin({
  id: 'nearest',
  name: 'Nearest',
  version: '1.0.0',
  description: 'stands in for the built-in',
  params: z.object({}),
  segment: () => {
    throw new Error('not run');
  },
});

let root: string;
const write = async (path: string, text: string) => {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), text);
};
const load = (cwd: string, modules: string[] = []) =>
  loadProjectPlugins(new PluginRegistry([builtin]), { cwd: join(root, cwd), modules });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tessera-loader-'));
  await write('project/plugins/west.js', pluginSource('west'));
  await write(
    'project/plugins/pair.js',
    `${pluginSource('east')}\nexport default [strategy, { ...strategy, id: 'north' }];`,
  );
  await write('project/plugins/dup.js', pluginSource('west'));
  await write('project/plugins/clash.js', pluginSource('nearest'));
  await write('project/plugins/none.js', 'export const answer = 42;');
  await write('project/plugins/throws.js', "throw new Error('database password missing');");
  await write(
    'project/plugins/bad-version.js',
    pluginSource('wobbly').replace("version: '1.0.0'", "version: 'one'"),
  );
  await write('project/tessera.config.json', JSON.stringify({ plugins: ['./plugins/west.js'] }));
  await write('project/data/deeper/.keep', '');
  await write(
    'project/node_modules/tessera-plugin-south/package.json',
    JSON.stringify({ name: 'tessera-plugin-south', type: 'module', exports: './index.js' }),
  );
  await write('project/node_modules/tessera-plugin-south/index.js', pluginSource('south'));
  await write('lonely/.keep', '');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadProjectPlugins', () => {
  it('finds the config from a subdirectory and resolves its paths from the config', async () => {
    const loaded = await load('project/data/deeper');
    expect(loaded.configPath).toBe(join(root, 'project/tessera.config.json'));
    expect(loaded.modules.flatMap((m) => m.plugins.map((p) => p.id))).toEqual(['west']);
    expect(loaded.urls).toEqual([expect.stringMatching(/project\/plugins\/west\.js$/)]);
  });

  it('adds --plugin modules resolved from the working directory, by path or package', async () => {
    const registry = new PluginRegistry([builtin]);
    await loadProjectPlugins(registry, {
      cwd: join(root, 'project'),
      modules: ['./plugins/pair.js', 'tessera-plugin-south', './plugins/west.js'],
    });
    expect(registry.list().map((p) => p.id)).toEqual(['east', 'nearest', 'north', 'south', 'west']);
  });

  it('loads a package directory by its exports', async () => {
    const loaded = await load('lonely', ['../project/node_modules/tessera-plugin-south']);
    expect(loaded.modules[0]!.plugins.map((p) => p.id)).toEqual(['south']);
  });

  it('works without a config', async () => {
    expect(findProjectConfig(join(root, 'lonely'))).toBeNull();
    expect((await load('lonely')).modules).toEqual([]);
  });

  it('says where it looked for a missing file or package', async () => {
    await expect(load('lonely', ['./nowhere.js'])).rejects.toThrow(
      `plugin module "./nowhere.js" (--plugin): no file or directory at ${join(root, 'lonely/nowhere.js')}`,
    );
    await expect(load('lonely', ['tessera-plugin-absent'])).rejects.toThrow(
      `plugin module "tessera-plugin-absent" (--plugin): cannot find package "tessera-plugin-absent" from ${join(root, 'lonely')} (looked in ${join(root, 'lonely/node_modules')}, `,
    );
  });

  it('names a module that exports no plugin, and what it does export', async () => {
    await expect(load('lonely', ['../project/plugins/none.js'])).rejects.toThrow(
      /plugin module "..\/project\/plugins\/none.js" \(--plugin\): .*none\.js exports no plugin \(it exports answer\)/,
    );
  });

  it('turns a throw while importing into one line naming the module', async () => {
    await expect(load('lonely', ['../project/plugins/throws.js'])).rejects.toThrow(
      /plugin module "..\/project\/plugins\/throws.js" \(--plugin\): failed to load .*throws\.js: database password missing$/,
    );
  });

  it('refuses an id taken by a built-in or by another module', async () => {
    await expect(load('lonely', ['../project/plugins/clash.js'])).rejects.toThrow(
      'plugin module "../project/plugins/clash.js" (--plugin): strategy id "nearest" clashes with a built-in strategy; give the plugin another id',
    );
    await expect(load('project', ['./plugins/dup.js'])).rejects.toThrow(
      'plugin module "./plugins/dup.js" (--plugin): strategy id "west" is already taken by plugin module "./plugins/west.js"; give one of them another id',
    );
  });

  it('refuses an invalid plugin with the registry’s reason', async () => {
    await expect(load('lonely', ['../project/plugins/bad-version.js'])).rejects.toThrow(
      'plugin module "../project/plugins/bad-version.js" (--plugin): exports an invalid plugin: plugin "wobbly": version must be semver like 1.0.0 (got "one")',
    );
  });

  it('reports a config with an unknown key or a bad entry', async () => {
    await write('bad-config/tessera.config.json', JSON.stringify({ plugin: ['./x.js'] }));
    await expect(load('bad-config')).rejects.toThrow(
      `${join(root, 'bad-config/tessera.config.json')}: unknown key "plugin" (did you mean "plugins"?)`,
    );
    await write('bad-entry/tessera.config.json', JSON.stringify({ plugins: [3] }));
    await expect(load('bad-entry')).rejects.toThrow(/tessera\.config\.json: plugins\.0: /);
    await write('bad-json/tessera.config.json', '{ plugins: ');
    await expect(load('bad-json')).rejects.toThrow(/tessera\.config\.json: cannot be read: /);
  });

  it('reads a JavaScript config’s default export', async () => {
    await write(
      'js-config/tessera.config.js',
      `export default { plugins: ['../project/plugins/west.js'] };`,
    );
    const loaded = await load('js-config');
    expect(loaded.modules[0]!.plugins.map((p) => p.id)).toEqual(['west']);
  });
});
