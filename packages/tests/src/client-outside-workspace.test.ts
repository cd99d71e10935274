// An integrator outside this repository installs the packed @tessera/client from its tarball,
// with its dependencies from the registry and without the private @tessera/api, and gets typed
// procedures all the same: a wrong field is a type error (were the types `any`, the
// `@ts-expect-error` lines below would fail), and the installed client talks to a real server.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { accountsToCsv, repsToCsv } from '@tessera/core';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './api-test-server.js';

const root = resolve(import.meta.dirname, '../../..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
let work: string;
let tarball: string;
let project: string;
let server: ApiServer | undefined;

/** The environment a person's shell would have: none of this test run's pnpm or vitest. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(npm_|pnpm_|PNPM_|VITEST|TEST$|NODE_OPTIONS$|NODE_ENV$|FORCE_COLOR$)/.test(key),
    ),
  );
  env.PATH = (env.PATH ?? '')
    .split(':')
    .filter((dir) => !dir.includes('node_modules'))
    .join(':');
  return { ...env, NO_COLOR: '1', ...extra };
}

function sh(cwd: string, command: string, args: string[], env?: Record<string, string>): string {
  try {
    return execFileSync(command, args, {
      cwd,
      env: cleanEnv(env),
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

/** What the integrator writes: typed calls, and two mistakes the types must catch. */
const integration = `import { createClient, type RouterOutputs, type TesseraRouter } from '@tessera/client';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

const tessera = createClient({
  url: process.env.TESSERA_URL ?? 'http://127.0.0.1:3000',
  token: process.env.TESSERA_TOKEN ?? '',
});

export async function revisionOf(id: string): Promise<number> {
  const stored: RouterOutputs['scenarios']['get'] = await tessera.scenarios.get.query({ id });
  const revision: number = stored.revision;
  return revision;
}

// The router type alone, for another tRPC client: typed the same way.
export const plain = createTRPCClient<TesseraRouter>({
  links: [httpBatchLink({ url: 'http://127.0.0.1:3000/trpc' })],
});

/** Never called: the mistakes the types must catch. */
export async function mistakes(stored: RouterOutputs['scenarios']['get']): Promise<void> {
  // @ts-expect-error: a stored scenario has no \`revisions\`
  console.log(stored.revisions);
  // @ts-expect-error: an id is a string
  await tessera.scenarios.get.query({ id: 7 });
  // @ts-expect-error: there is no \`scenarios.fetch\` procedure
  await plain.scenarios.fetch.query({ id: stored.id });
}

if (process.argv[2] === 'run') {
  const dataset = await tessera.uploadDataset({
    name: 'outside',
    accounts: { path: 'data/accounts.csv' },
    reps: { path: 'data/reps.csv' },
  });
  const created = await tessera.scenarios.create.mutate({
    version: 1,
    name: 'Nearest rep',
    dataset: { id: dataset.id },
    strategy: { id: 'nearest', params: {} },
    seed: 1,
  });
  console.log(JSON.stringify({ accounts: dataset.accounts, revision: await revisionOf(created.id) }));
}
`;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tessera-client-outside-'));
  // Builds are cached by turbo: after `pnpm build` this is a replay.
  sh(root, 'pnpm', [
    ...['exec', 'turbo', 'run', 'build', '--filter=@tessera/client'],
    '--output-logs=errors-only',
  ]);
  const packed = sh(join(root, 'packages/client'), 'pnpm', [
    ...['pack', '--pack-destination', join(work, 'tarballs')],
  ]);
  tarball = resolve(join(work, 'tarballs'), packed.trim().split('\n').at(-1)!);

  const clientManifest = JSON.parse(
    await readFile(join(root, 'packages/client/package.json'), 'utf8'),
  ) as { dependencies: Record<string, string> };

  project = join(work, 'integration');
  await mkdir(join(project, 'data'), { recursive: true });
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'integration',
      private: true,
      type: 'module',
      // @trpc/client too, for the integrator's own `createTRPCClient<TesseraRouter>`.
      dependencies: {
        '@tessera/client': `file:${tarball}`,
        '@trpc/client': clientManifest.dependencies['@trpc/client'],
      },
    }),
  );
  await writeFile(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2023',
        // tRPC's declarations use `Disposable`.
        lib: ['ES2023', 'ESNext.Disposable', 'DOM'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        // The installed declarations are checked too: an import they cannot resolve is an error
        // here, where skipLibCheck would quietly make it `any`.
        skipLibCheck: false,
        types: [],
      },
      files: ['integration.ts', 'globals.d.ts'],
    }),
  );
  // The one Node global the integration reads, so that the project needs no @types/node.
  await writeFile(
    join(project, 'globals.d.ts'),
    'declare const process: { env: Record<string, string | undefined>; argv: string[] };\n',
  );
  await writeFile(join(project, 'integration.ts'), integration);
  sh(project, 'pnpm', ['install', '--no-frozen-lockfile']);
}, 600_000);

afterAll(async () => {
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('@tessera/client outside the workspace', { timeout: 300_000 }, () => {
  it('packs one declaration file and a manifest that need no server package', () => {
    const files = sh(work, 'tar', ['-tzf', tarball]).trim().split('\n');
    expect(files.filter((file) => file.endsWith('.d.ts'))).toEqual(['package/dist/index.d.ts']);
    const manifest = sh(work, 'tar', ['-xzOf', tarball, 'package/package.json']);
    expect(manifest).not.toContain('workspace:');
    const { dependencies, peerDependencies, optionalDependencies } = JSON.parse(manifest) as {
      [field: string]: Record<string, string> | undefined;
    };
    for (const field of [dependencies, peerDependencies, optionalDependencies]) {
      expect(Object.keys(field ?? {})).not.toContain('@tessera/api');
    }
    const types = sh(work, 'tar', ['-xzOf', tarball, 'package/dist/index.d.ts']);
    expect(types).not.toContain('@tessera/api');
    const imported = [...types.matchAll(/from '([^']+)'|import\("([^"]+)"\)/g)].map(
      (match) => match[1] ?? match[2],
    );
    expect(new Set(imported)).toEqual(new Set(['@trpc/server', '@trpc/client']));
  });

  it('installs without @tessera/api', async () => {
    expect(existsSync(join(project, 'node_modules/@tessera/client/dist/index.d.ts'))).toBe(true);
    const store = await readdir(join(project, 'node_modules/.pnpm'));
    expect(store.filter((name) => name.startsWith('@tessera+'))).toEqual([
      expect.stringMatching(/^@tessera\+client@/),
    ]);
  });

  it('typechecks typed calls, and rejects a wrong field and a wrong input', () => {
    // `@ts-expect-error` lines with no error fail the check: `any` types cannot pass it.
    expect(sh(project, process.execPath, [tsc, '-p', '.'])).toBe('');
  });

  it('says what is wrong with a wrong field', async () => {
    await writeFile(
      join(project, 'integration.ts'),
      integration.replace('// @ts-expect-error: a stored scenario has no `revisions`\n', ''),
    );
    let errors = '';
    try {
      sh(project, process.execPath, [tsc, '-p', '.']);
    } catch (error) {
      errors = (error as Error).message;
    } finally {
      await writeFile(join(project, 'integration.ts'), integration);
    }
    expect(errors.match(/error TS\d+/g)).toHaveLength(1);
    expect(errors).toMatch(
      /Property 'revisions' does not exist on type '\{ id: string; revision: number;/,
    );
  });

  it('uploads, creates and reads a scenario on a real server', async () => {
    server = await startApiServer();
    const sample = generateSample({ accounts: 200, reps: 5, seed: 3, places: loadUsPlaces() });
    await writeFile(join(project, 'data/accounts.csv'), accountsToCsv(sample.accounts));
    await writeFile(join(project, 'data/reps.csv'), repsToCsv(sample.reps));
    // Asynchronously: the server answers from this process, whose loop a sync call would block.
    const { stdout: printed } = await promisify(execFile)(
      process.execPath,
      ['integration.ts', 'run'],
      { cwd: project, env: cleanEnv({ TESSERA_URL: server.url, TESSERA_TOKEN: server.token }) },
    ).catch((error: unknown) => {
      throw new Error(`the integration failed; the server logged:\n${server?.logged.join('\n')}`, {
        cause: error,
      });
    });
    expect(JSON.parse(printed)).toEqual({ accounts: 200, revision: 1 });
  });
});
