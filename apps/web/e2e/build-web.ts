import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = fileURLToPath(new URL('..', import.meta.url));
export const BUILD_DIR = join(WEB_DIR, 'build');
const REPO = join(WEB_DIR, '..', '..');

// What the build is made of: the app and the workspace packages it bundles from source.
const SOURCES = [
  join(WEB_DIR, 'src'),
  join(WEB_DIR, 'static'),
  join(WEB_DIR, 'vite'),
  join(WEB_DIR, 'vite.config.ts'),
  join(WEB_DIR, 'package.json'),
  ...['core', 'plugins', 'scenarios', 'sample-data', 'client'].map((p) =>
    join(REPO, 'packages', p, 'src'),
  ),
];

/**
 * Builds the app unless build/ is newer than every source it is made of: CI's `pnpm start`
 * line has built it already, and a local rerun after a test edit needs no new build.
 * Returns why it built, or null when it did not.
 */
export async function ensureWebBuild(log: (line: string) => void): Promise<string | null> {
  const index = join(BUILD_DIR, 'index.html');
  const built = existsSync(index) ? (await stat(index)).mtimeMs : null;
  const newest = await newestChange(SOURCES);
  if (built !== null && newest.mtime <= built) return null;
  const why = built === null ? 'no build yet' : `${newest.path} changed after the last build`;
  log(`web e2e: building apps/web (${why})…`);
  await viteBuild();
  return why;
}

async function viteBuild(): Promise<void> {
  const vitePackage = createRequire(join(WEB_DIR, 'package.json')).resolve('vite/package.json');
  const vite = join(dirname(vitePackage), 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: WEB_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    throw new Error(
      `vite build of apps/web failed (exit ${String(code)}):\n${output.slice(-4000)}`,
    );
  }
}

async function newestChange(paths: string[]): Promise<{ path: string; mtime: number }> {
  let newest = { path: '', mtime: 0 };
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const info = await stat(path);
    if (info.mtimeMs > newest.mtime) newest = { path, mtime: info.mtimeMs };
    if (!info.isDirectory()) continue;
    for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name.endsWith('.test.ts')) continue;
      const file = join(entry.parentPath, entry.name);
      const mtime = (await stat(file)).mtimeMs;
      if (mtime > newest.mtime) newest = { path: file, mtime };
    }
  }
  return newest;
}
