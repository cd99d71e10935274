// Third-party strategies in the planner's scenario worker, bundled at build time.
//
// `import { plugins } from 'virtual:tessera/plugins'` gives the strategy plugins named by the
// nearest `tessera.config.*` (from the Vite root upward), found, resolved, imported and checked
// by `@tessera/core/node`'s `loadProjectPlugins`, as the CLI and the API server load them: a
// missing module, a module without a plugin, an invalid plugin or an id taken by a built-in
// fails the build with the loader's message. The module then imports each plugin module by
// its file path, so Vite bundles the plugins' code into the worker. No config: no plugins.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StrategyPlugin } from '@tessera/core';
import type * as CoreNode from '@tessera/core/node';
import type { ProjectPlugins } from '@tessera/core/node';
import type * as Plugins from '@tessera/plugins';
import { searchForWorkspaceRoot, type Plugin } from 'vite';

export const PLUGINS_MODULE_ID = 'virtual:tessera/plugins';
const RESOLVED_ID = `\0${PLUGINS_MODULE_ID}`;

export interface TesseraPluginsOptions {
  /** Where to look for the config from; default the Vite root. */
  cwd?: string | undefined;
  /** A config file to use instead of looking for one; `false` for the built-ins only. */
  config?: string | false | undefined;
}

/**
 * The Vite plugin that serves `virtual:tessera/plugins`. Register it for the app (dev serves
 * workers through the app's plugins) and in `worker.plugins` (worker bundles are built apart).
 */
export function tesseraPlugins(options: TesseraPluginsOptions = {}): Plugin {
  let root = process.cwd();
  let loaded: Promise<ProjectPlugins> | undefined;
  const load = (): Promise<ProjectPlugins> =>
    (loaded ??= projectPlugins(options.cwd ?? root, options.config));

  return {
    name: 'tessera-plugins',
    async config(config) {
      root = config.root ? resolve(config.root) : process.cwd();
      // Plugin files may live outside the workspace (a team's own folder): let dev serve them.
      // Naming any folder turns off Vite's own default, the workspace root: keep it too.
      const dirs = (await load()).modules
        .map((m) => m.module.url)
        .filter((url) => url.startsWith('file:'))
        .map((url) => dirname(fileURLToPath(url)));
      if (dirs.length === 0) return {};
      return { server: { fs: { allow: [searchForWorkspaceRoot(root), ...dirs] } } };
    },
    async buildStart() {
      const project = await load();
      if (project.configPath) this.addWatchFile(project.configPath);
    },
    resolveId(id) {
      return id === PLUGINS_MODULE_ID ? RESOLVED_ID : null;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return null;
      return pluginsModuleCode(await load());
    },
    configureServer(server) {
      // A changed config (another plugin, one removed) is read again on the next request.
      server.watcher.on('change', (file) => {
        void load().then((project) => {
          if (file !== project.configPath) return;
          loaded = undefined;
          const module = server.moduleGraph.getModuleById(RESOLVED_ID);
          if (module) server.moduleGraph.invalidateModule(module);
          server.ws.send({ type: 'full-reload' });
        });
      });
    },
  };
}

/**
 * The loader as the CLI and the API server run it, built-ins registered first so a clash is
 * caught. Node loads the config with the packages' built `dist` (Vite imports a config's
 * dependencies natively), so they are imported here, when needed, with a message saying so.
 */
async function projectPlugins(
  cwd: string,
  config: string | false | undefined,
): Promise<ProjectPlugins> {
  let loader: typeof CoreNode;
  let builtins: typeof Plugins;
  try {
    [loader, builtins] = await Promise.all([
      import('@tessera/core/node'),
      import('@tessera/plugins'),
    ]);
  } catch (error) {
    throw new Error(
      `tessera plugins: cannot load @tessera/core/node or @tessera/plugins (${(error as Error).message.split('\n')[0]!}): build the workspace packages once with \`pnpm build\``,
      { cause: error },
    );
  }
  return loader.loadProjectPlugins(builtins.createBuiltinRegistry(), { cwd, config });
}

/**
 * The virtual module's source: one namespace import per plugin module, and each plugin picked
 * out by where the loader found it (a named export, the default export, or an item of a
 * default array), so the bundle holds the same plugins in the same order as Node saw them.
 */
export async function pluginsModuleCode(project: ProjectPlugins): Promise<string> {
  const imports: string[] = [];
  const picks: string[] = [];
  for (const [i, { module, plugins }] of project.modules.entries()) {
    const path = module.url.startsWith('file:') ? fileURLToPath(module.url) : module.url;
    imports.push(`import * as m${i} from ${JSON.stringify(path)};`);
    const namespace = (await import(module.url)) as Record<string, unknown>;
    for (const plugin of plugins) picks.push(`m${i}${accessorOf(namespace, plugin, path)}`);
  }
  const where = project.configPath ? ` (${project.configPath})` : '';
  return [
    `// The strategy plugins of the project config${where}, for the scenario worker.`,
    ...imports,
    `export const plugins = [${picks.join(', ')}];`,
    `export const configPath = ${JSON.stringify(project.configPath)};`,
    '',
  ].join('\n');
}

function accessorOf(
  namespace: Record<string, unknown>,
  plugin: StrategyPlugin,
  path: string,
): string {
  for (const [name, value] of Object.entries(namespace)) {
    if (value === plugin) return `[${JSON.stringify(name)}]`;
  }
  const fallback = namespace.default;
  if (Array.isArray(fallback)) {
    const index = fallback.indexOf(plugin);
    if (index >= 0) return `.default[${index}]`;
  }
  throw new Error(
    `tessera plugins: strategy "${plugin.id}" of ${path} is neither an export nor an item of its default array`,
  );
}
