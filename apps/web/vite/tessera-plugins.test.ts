import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StrategyPlugin } from '@tessera/core';
import { loadProjectPlugins } from '@tessera/core/node';
import { createBuiltinRegistry } from '@tessera/plugins';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLUGINS_MODULE_ID, pluginsModuleCode, tesseraPlugins } from './tessera-plugins.ts';

// Plugin modules as a team would write them, outside the package: they import zod by URL, as
// no node_modules sits beside them (core's loader test does the same).
const zodUrl = import.meta.resolve('zod', import.meta.resolve('@tessera/core'));
const strategy = (id: string) => `{
  id: '${id}', name: 'Strategy ${id}', version: '1.0.0', description: 'test strategy ${id}',
  params: z.object({ k: z.number().int().min(1).default(3) }), segment() { throw new Error('not run'); },
}`;

let root: string;
const write = async (path: string, text: string): Promise<string> => {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), text);
  return join(root, path);
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tessera-web-plugins-'));
  await write(
    'team/plugins/west.js',
    `import { z } from '${zodUrl}';\nexport const west = ${strategy('west')};\nexport const alsoWest = west;`,
  );
  await write(
    'team/plugins/pair.js',
    `import { z } from '${zodUrl}';\nexport default [${strategy('east')}, 42, ${strategy('north')}];`,
  );
  await write(
    'team/tessera.config.json',
    JSON.stringify({ plugins: ['./plugins/west.js', './plugins/pair.js'] }),
  );
  await write('team/app/.keep', '');
  await write(
    'clash/plugins/near.js',
    `import { z } from '${zodUrl}';\nexport default ${strategy('nearest')};`,
  );
  await write('clash/tessera.config.json', JSON.stringify({ plugins: ['./plugins/near.js'] }));
  await write('empty/.keep', '');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The virtual module's source, imported back in Node: the plugins the worker would get. */
async function bundledPlugins(cwd: string): Promise<readonly StrategyPlugin[]> {
  const project = await loadProjectPlugins(createBuiltinRegistry(), { cwd });
  const file = await write(
    `generated-${Math.random().toString(36).slice(2)}.mjs`,
    await pluginsModuleCode(project),
  );
  const module = (await import(pathToFileURL(file).href)) as { plugins: StrategyPlugin[] };
  return module.plugins;
}

describe('virtual:tessera/plugins', () => {
  it("holds the nearest config's plugins, found from below it, in the loader's order", async () => {
    const plugins = await bundledPlugins(join(root, 'team/app'));
    expect(plugins.map((p) => p.id)).toEqual(['west', 'east', 'north']);
    expect(plugins.every((p) => typeof p.segment === 'function')).toBe(true);
  });

  it('imports each plugin module by its path and picks each plugin by its export', async () => {
    const project = await loadProjectPlugins(createBuiltinRegistry(), {
      cwd: join(root, 'team'),
    });
    const code = await pluginsModuleCode(project);
    expect(code).toContain(
      `import * as m0 from ${JSON.stringify(join(root, 'team/plugins/west.js'))};`,
    );
    expect(code).toContain(
      `import * as m1 from ${JSON.stringify(join(root, 'team/plugins/pair.js'))};`,
    );
    expect(code).toContain('export const plugins = [m0["west"], m1.default[0], m1.default[2]];');
    expect(code).toContain(
      `export const configPath = ${JSON.stringify(join(root, 'team/tessera.config.json'))};`,
    );
  });

  it('is empty without a config: the built-ins only', async () => {
    expect(await bundledPlugins(join(root, 'empty'))).toEqual([]);
  });

  it("fails the build with the loader's message when a plugin clashes or is missing", async () => {
    const entry = await write('entry.js', `export { plugins } from '${PLUGINS_MODULE_ID}';`);
    const bundle = (cwd: string) =>
      build({
        root,
        logLevel: 'silent',
        configFile: false,
        plugins: [tesseraPlugins({ cwd })],
        build: { write: false, lib: { entry, formats: ['es'] } },
      });
    await expect(bundle(join(root, 'clash'))).rejects.toThrow(
      'strategy id "nearest" clashes with a built-in strategy; give the plugin another id',
    );
    await write('missing/tessera.config.json', JSON.stringify({ plugins: ['./gone.js'] }));
    await expect(bundle(join(root, 'missing'))).rejects.toThrow(
      `plugin module "./gone.js" (tessera.config.json): no file or directory at ${join(root, 'missing/gone.js')}`,
    );
  });

  it("bundles the plugins' code, so the worker holds them", async () => {
    const entry = await write('entry.js', `export { plugins } from '${PLUGINS_MODULE_ID}';`);
    const output = await build({
      root,
      logLevel: 'silent',
      configFile: false,
      plugins: [tesseraPlugins({ cwd: join(root, 'team') })],
      build: {
        write: false,
        minify: false,
        lib: { entry, formats: ['es'] },
        rolldownOptions: { external: (id) => id.startsWith('file:') },
      },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) =>
      'output' in o ? o.output : [],
    );
    const code = chunks.map((c) => ('code' in c ? c.code : '')).join('\n');
    expect(code).toContain('test strategy west');
    expect(code).toContain('test strategy north');
  });
});
