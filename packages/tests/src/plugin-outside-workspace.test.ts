// A plugin author outside this repository, end to end: pack Tessera, scaffold a plugin package
// in a temporary directory, install it from the tarballs, pass its conformance suite, and run
// it through the installed `tessera` CLI: solve, scenario run and a sweep on two workers.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
let work: string;
let plugin: string;

/** The environment a person's shell would have: none of this test run's pnpm or vitest. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(npm_|pnpm_|PNPM_|VITEST|TEST$|NODE_OPTIONS$|NODE_ENV$|FORCE_COLOR$)/.test(key),
    ),
  );
  // `pnpm test` puts this workspace's node_modules/.bin first: the plugin must not see them.
  env.PATH = (env.PATH ?? '')
    .split(':')
    .filter((dir) => !dir.includes('node_modules'))
    .join(':');
  env.NO_COLOR = '1';
  return env;
}

function sh(cwd: string, command: string, args: string[]): string {
  try {
    return execFileSync(command, args, {
      cwd,
      env: cleanEnv(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`, {
      cause: error,
    });
  }
}

const tessera = (...args: string[]) => sh(plugin, 'pnpm', ['exec', 'tessera', ...args]);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tessera-outside-'));
  // Builds are cached by turbo: after `pnpm build` or `pnpm demo` this is a replay.
  sh(root, 'pnpm', [
    'exec',
    'turbo',
    'run',
    'build',
    '--filter=@tessera/cli...',
    '--output-logs=errors-only',
  ]);
  sh(root, process.execPath, ['scripts/pack.ts', join(work, 'tarballs')]);
  plugin = join(work, 'tessera-plugin-west-push');
  sh(root, process.execPath, [
    ...['apps/cli/dist/bin.js', 'plugins', 'new', 'west-push'],
    ...['--dir', plugin, '--tarballs', join(work, 'tarballs')],
  ]);
  sh(plugin, 'pnpm', ['install', '--no-frozen-lockfile']);
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a plugin package outside the workspace', { timeout: 300_000 }, () => {
  it('packs manifests without workspace ranges', async () => {
    const tarballs = await readdir(join(work, 'tarballs'));
    expect(tarballs.sort()).toEqual([
      'tessera-cli-0.1.0.tgz',
      'tessera-core-0.1.0.tgz',
      'tessera-plugins-0.1.0.tgz',
      'tessera-sample-data-0.1.0.tgz',
      'tessera-scenarios-0.1.0.tgz',
    ]);
    for (const tarball of tarballs) {
      const manifest = sh(work, 'tar', [
        '-xzOf',
        join('tarballs', tarball),
        'package/package.json',
      ]);
      expect(manifest).not.toContain('workspace:');
      expect(JSON.parse(manifest)).toHaveProperty(['exports', '.', 'default']);
    }
  });

  it('installs one copy of core from the tarballs', async () => {
    const store = await readdir(join(plugin, 'node_modules', '.pnpm'));
    expect(store.filter((name) => name.startsWith('@tessera+core@'))).toHaveLength(1);
    const manifest = JSON.parse(await readFile(join(plugin, 'package.json'), 'utf8')) as {
      peerDependencies: Record<string, string>;
    };
    expect(manifest.peerDependencies).toHaveProperty('@tessera/core');
  });

  it('passes its own conformance suite', () => {
    const output = sh(plugin, 'pnpm', ['exec', 'vitest', 'run', '--reporter=verbose']);
    expect(output).toContain('west-push conformance');
    expect(output).toMatch(/Tests\s+\d+ passed/);
    expect(output).not.toMatch(/failed/);
  });

  it('runs through tessera solve, scenario run and a sweep on two workers', async () => {
    sh(plugin, 'pnpm', ['build']);
    tessera('generate', '--accounts', '2000', '--reps', '8', '--seed', '5', '--out', 'data');
    const solved = JSON.parse(
      tessera(
        ...['solve', '--accounts', 'data/accounts.csv', '--reps', 'data/reps.csv'],
        ...['--strategy', 'west-push', '--plugin', '.', '--out', 'data/plan.csv'],
        ...['--format', 'json'],
      ),
    ) as { strategy: string; accounts: number; territories: number };
    expect(solved).toMatchObject({ strategy: 'west-push', accounts: 2000, territories: 8 });

    const scenario = {
      version: 1,
      name: 'west push',
      dataset: { accounts: 'accounts.csv', reps: 'reps.csv' },
      edits: [{ type: 'remove-rep', rep: 'R002' }],
      strategy: { id: 'west-push', params: {} },
    };
    await writeFile(join(plugin, 'data', 'west-push.json'), JSON.stringify(scenario));
    const run = JSON.parse(
      tessera('scenario', 'run', 'data/west-push.json', '--plugin', '.', '--format', 'json'),
    ) as { scenario: string; territories: unknown[] };
    expect(run.scenario).toBe('west push');
    expect(run.territories).toHaveLength(7);

    // The project config, found from a subdirectory, names the plugin this time.
    await writeFile(join(plugin, 'tessera.config.json'), JSON.stringify({ plugins: ['.'] }));
    await writeFile(
      join(plugin, 'data', 'sweep.json'),
      JSON.stringify({
        version: 1,
        scenario: 'west-push.json',
        grid: { params: { measure: ['workload', 'accounts'] } },
      }),
    );
    const sweep = JSON.parse(
      sh(join(plugin, 'data'), 'pnpm', [
        ...['exec', 'tessera', 'scenario', 'sweep', 'sweep.json'],
        ...['--workers', '2', '--format', 'json'],
      ]),
    ) as { rows: { error: unknown }[] };
    expect(sweep.rows).toHaveLength(2);
    for (const row of sweep.rows) expect(row.error).toBeNull();
  });
});
