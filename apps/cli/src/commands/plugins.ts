import type { PluginRegistry } from '@tessera/core';
import { Command } from 'commander';
import { renderTable } from '../format/text-table.js';
import type { CliIO } from '../io.js';

export function pluginsCommand(io: CliIO, registry: PluginRegistry): Command {
  return new Command('plugins')
    .description('list the strategies with their versions and parameter schemas')
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
