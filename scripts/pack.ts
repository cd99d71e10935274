// Packs the publishable packages into tarballs, so a plugin package outside this repository can
// install Tessera before it is on a registry: `pnpm pack:local <dir>` (after a build), then
// `tessera plugins new <id> --tarballs <dir>` or the overrides this prints.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** The packages a third party installs, in dependency order. */
export const PUBLISHED = [
  'packages/core',
  'packages/plugins',
  'packages/sample-data',
  'packages/scenarios',
  'apps/cli',
] as const;

/** Packs each published package into `dir`; returns the tarballs by package name. */
export function packTessera(dir: string): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const tarballs: Record<string, string> = {};
  for (const path of PUBLISHED) {
    const manifest = JSON.parse(readFileSync(join(root, path, 'package.json'), 'utf8')) as {
      name: string;
    };
    const output = execFileSync('pnpm', ['pack', '--pack-destination', dir], {
      cwd: join(root, path),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const tarball = output.trim().split('\n').at(-1)!;
    tarballs[manifest.name] = resolve(dir, tarball);
  }
  return tarballs;
}

if (import.meta.main) {
  const dir = resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2] ?? 'tarballs');
  const tarballs = packTessera(dir);
  process.stdout.write(
    `packed ${Object.keys(tarballs).length} packages into ${dir}\n` +
      `next: pnpm exec tessera plugins new <id> --dir <path> --tarballs ${dir}\n`,
  );
}
