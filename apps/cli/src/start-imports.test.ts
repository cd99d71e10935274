import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// What `tessera --help` may load: the command definitions, commander and Node's own modules.
// Everything a command needs to run is imported inside its action (see commands/*-action.ts).
const HEAVY = [
  '@tessera/core',
  '@tessera/plugins',
  '@tessera/scenarios',
  '@tessera/sample-data',
  '@tessera/api',
  'cli-progress',
  'zod',
];

// Value imports and re-exports only: `import type` is erased, `import(…)` is deferred.
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^;]*?\sfrom\s+)?'([^']+)';/gms;

/** Every package a module loads at start-up, directly or through the modules it imports. */
function startImports(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (specifier!.startsWith('.')) visit(join(dirname(file), specifier!.replace(/\.js$/, '.ts')));
      else packages.set(specifier!, relative(import.meta.dirname, file));
    }
  };
  visit(entry);
  return packages;
}

describe('tessera start-up', () => {
  it('loads no strategy, scenario, sample-data, API or CSV module before a command runs', () => {
    const packages = startImports(join(import.meta.dirname, 'bin.ts'));
    expect(packages.has('commander')).toBe(true); // the walk does see static imports
    const heavy = [...packages].filter(([name]) =>
      HEAVY.some((h) => name === h || name.startsWith(`${h}/`)),
    );
    expect(heavy.map(([name, file]) => `${file} imports ${name}`)).toEqual([]);
  });
});
