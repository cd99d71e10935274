import { Command } from 'commander';
import { renderTable } from '../format/text-table.js';
import type { CliIO } from '../io.js';
import { loadCommandPlugins, withPluginOption, type PluginFlags } from '../plugins/load-plugins.js';
import { formatOption, type Format } from './options.js';
import { pluginsNewCommand } from './plugins-new.js';

export function pluginsCommand(io: CliIO): Command {
  // Subcommands added with addCommand do not inherit the parent's output and exit settings.
  const create = pluginsNewCommand(io)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run with --help for usage)');
  return withPluginOption(
    new Command('plugins')
      .description(
        'list the strategies (built-in, from tessera.config.* and --plugin) with their versions and parameter schemas; `new` makes one',
      )
      .addCommand(create)
      .addOption(formatOption('table')),
  ).action(async (options: PluginFlags & { format: Format }) => {
    const { registry, modules } = await loadCommandPlugins(options, io.directory);
    const source = new Map<string, string>();
    for (const { module, plugins } of modules) {
      for (const plugin of plugins) source.set(plugin.id, module.specifier);
    }
    const plugins = registry.list().map((info) => ({
      ...info,
      source: source.get(info.id) ?? 'built-in',
    }));
    if (options.format === 'json') {
      io.stdout.write(`${JSON.stringify(plugins, null, 2)}\n`);
      return;
    }
    io.stdout.write(
      renderTable(
        ['id', 'version', 'from', 'parameters', 'description'],
        plugins.map((p) => [
          p.id,
          p.version,
          p.source,
          parameterNames(p.paramsSchema),
          p.description,
        ]),
      ),
    );
  });
}

function parameterNames(schema: Record<string, unknown>): string {
  const properties = schema.properties;
  if (typeof properties !== 'object' || properties === null) return '–';
  const names = Object.keys(properties);
  return names.length ? names.join(', ') : '–';
}
