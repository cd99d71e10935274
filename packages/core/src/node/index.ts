// `@tessera/core/node`: loading plugins from files and packages (Node only). The CLI, the API
// server and the web build share it, so a plugin loads the same way everywhere.

export {
  resolvePluginModule,
  type PluginModuleSpec,
  type ResolvedPluginModule,
} from './resolve-plugin-module.js';
export { importPluginModule, type LoadedPluginModule } from './import-plugin-module.js';
export { collectPlugins } from './collect-plugins.js';
export { registerPluginModules } from './register-plugins.js';
export {
  CONFIG_FILE_NAMES,
  defineConfig,
  findProjectConfig,
  readProjectConfig,
  type ProjectConfig,
  type TesseraConfig,
} from './project-config.js';
export {
  loadProjectPlugins,
  type LoadProjectPluginsOptions,
  type ProjectPlugins,
} from './load-project-plugins.js';
export { importPluginUrls } from './import-plugin-urls.js';
