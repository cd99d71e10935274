import type { PluginRegistry } from '@tessera/core';
import { Command } from 'commander';
import { renderTable } from '../format/text-table.js';
import type { CliIO } from '../io.js';
import { pluginsNewCommand } from './plugins-new.js';

export function pluginsCommand(io: CliIO, registry: PluginRegistry): Command {
  // Subcommands added with addCommand do not inherit the parent's output and exit settings.
  const create = pluginsNewCommand(io)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run with --help for usage)');
  return new Command('plugins')
    .description('list the strategies with their versions and parameter schemas; `new` makes one')
    .addCommand(create)
    .option('--json', 'print JSON: ids, versions, descriptions and parameter JSON Schemas')
    .action((options: { json?: boolean }) => {
      const plugins = registry.list();
      if (options.json) {
        io.stdout.write(`${JSON.stringify(plugins, null, 2)}\n`);
        return;
      }
      io.stdout.write(
        renderTable(
          ['id', 'version', 'parameters', 'description'],
          plugins.map((p) => [p.id, p.version, parameterNames(p.paramsSchema), p.description]),
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
