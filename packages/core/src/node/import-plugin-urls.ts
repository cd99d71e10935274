import type { StrategyPlugin } from '../plugin/contract.js';
import { importPluginModule } from './import-plugin-module.js';

/**
 * The plugins of modules already resolved and checked by {@link loadProjectPlugins}, in a
 * worker thread: the same files, so the same strategies, without resolving names again.
 */
export async function importPluginUrls(urls: readonly string[]): Promise<StrategyPlugin[]> {
  const plugins: StrategyPlugin[] = [];
  for (const url of urls) {
    const { plugins: found } = await importPluginModule({ specifier: url, from: '', url });
    plugins.push(...found);
  }
  return plugins;
}
