// Every ```ts block in a README is run here, so examples cannot quietly stop working.
// A line `console.log(expr); // value` becomes an assertion that expr equals value.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withAssertions } from './readme-blocks.js';

const root = resolve(import.meta.dirname, '../../..');
const scratch = resolve(import.meta.dirname, '../.examples');

async function readmes(): Promise<string[]> {
  const found = [join(root, 'README.md')];
  for (const doc of await readdir(join(root, 'docs')).catch(() => [])) {
    if (doc.endsWith('.md')) found.push(join(root, 'docs', doc));
  }
  for (const group of ['packages', 'apps', 'examples']) {
    for (const name of await readdir(join(root, group))) {
      const dir = join(root, group, name);
      found.push(join(dir, 'README.md'));
      const src = join(dir, 'src');
      for (const entry of await readdir(src, { withFileTypes: true }).catch(() => [])) {
        if (entry.isDirectory()) found.push(join(src, entry.name, 'README.md'));
      }
    }
  }
  const present = await Promise.all(
    found.map((file) =>
      readFile(file, 'utf8').then(
        () => file,
        () => null,
      ),
    ),
  );
  return present.filter((file): file is string => file !== null);
}

function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

const files = await readmes();
const cases = (
  await Promise.all(
    files.map(async (file) =>
      tsBlocks(await readFile(file, 'utf8')).map((code, i) => ({
        file: relative(root, file),
        index: i,
        code,
      })),
    ),
  )
).flat();

describe('README examples', () => {
  it('finds examples to run', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)(
    '$file example $index runs and prints what it says',
    async ({ file, index, code }) => {
      const checks: [unknown, unknown][] = [];
      (globalThis as Record<string, unknown>).__check = (actual: unknown, expected: unknown) =>
        checks.push([actual, expected]);
      const target = join(scratch, `${file.replaceAll('/', '__')}.${index}.ts`);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, withAssertions(code));
      await import(target);
      for (const [actual, expected] of checks) expect(actual).toEqual(expected);
    },
  );
});
