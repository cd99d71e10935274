// Runs every benchmark (`packages/*/bench/*.bench.ts`, `apps/*/bench/*.bench.ts`) at each size
// in a fresh Node process, so peak memory belongs to one case, and prints one table.
// Usage: node scripts/bench.ts [package dir …] [--sizes 100000,1000000]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

interface Figure {
  name: string;
  rows: number;
  ms: number;
  peakRssMB: number;
  [extra: string]: unknown;
}

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const sizesFlag = args.indexOf('--sizes');
const sizes =
  sizesFlag >= 0 ? args.splice(sizesFlag, 2)[1]!.split(',').map(Number) : [100_000, 1_000_000];
const packageDirs = args.length
  ? args.map((dir) => resolve(dir))
  : ['packages', 'apps'].flatMap((group) =>
      readdirSync(join(root, group)).map((name) => join(root, group, name)),
    );

const files = packageDirs.flatMap((dir) => {
  const benchDir = join(dir, 'bench');
  if (!existsSync(benchDir)) return [];
  return readdirSync(benchDir)
    .filter((file) => file.endsWith('.bench.ts'))
    .sort()
    .map((file) => join(benchDir, file));
});

const figures: (Figure & { file: string })[] = [];
for (const file of files) {
  for (const size of sizes) {
    process.stderr.write(`bench ${relative(root, file)} ${size.toLocaleString('en-US')}…\n`);
    const output = execFileSync(
      process.execPath,
      ['--max-old-space-size=4096', file, String(size)],
      {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    for (const line of output.split('\n')) {
      if (line.startsWith('{'))
        figures.push({ ...(JSON.parse(line) as Figure), file: relative(root, file) });
    }
  }
}

const extras = (f: Figure): string =>
  Object.entries(f)
    .filter(([key]) => !['name', 'rows', 'ms', 'peakRssMB', 'file'].includes(key))
    .map(
      ([key, value]) => `${key}=${typeof value === 'number' ? +value.toFixed(4) : String(value)}`,
    )
    .join(' ');
const table = [
  ['benchmark', 'rows', 'time ms', 'peak RSS MB', 'notes'],
  ...figures.map((f) => [
    f.name,
    f.rows.toLocaleString('en-US'),
    f.ms.toFixed(0),
    f.peakRssMB.toFixed(0),
    extras(f),
  ]),
];
const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
const lines = table.map((row) =>
  row
    .map((cell, c) => (c === 0 || c === 4 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
    .join('  ')
    .trimEnd(),
);
lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
process.stdout.write(`${lines.join('\n')}\n`);
