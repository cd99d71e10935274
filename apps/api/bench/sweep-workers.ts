// Times one sweep on the job queue worked by one `tessera worker` process, then by two: the
// built server (`apps/api/dist/server.js`, taking no jobs itself) and built CLI on a fresh
// PostgreSQL database, the dataset uploaded as CSV, the sweep asked for over HTTP.
//   pnpm turbo run build --filter=@tessera/api... --filter=@tessera/cli...
//   node apps/api/bench/sweep-workers.ts [accounts=20000] [threads per worker=1]
// Prints one JSON line per worker count: {"name":"sweep of 12 points, 2 workers × 1 thread",
// "rows":20000,"ms":…} where ms runs from the POST to the last row. Needs PostgreSQL
// (TESSERA_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test); not part of
// `pnpm bench`, whose sizes (100k, 1M) would make twelve runs per worker count take long.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { accountsToCsv, repsToCsv } from '@tessera/core';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import pg from 'pg';

const accounts = Number(process.argv[2] ?? 20_000);
const threads = Number(process.argv[3] ?? 1);
if (!Number.isInteger(accounts) || accounts <= 0 || !Number.isInteger(threads) || threads <= 0) {
  console.error(
    `usage: sweep-workers.ts [accounts] [threads per worker], got ${process.argv.slice(2).join(' ')}`,
  );
  process.exit(1);
}
const TOKEN = 'bench-bootstrap-token-0123456789abcdef';
const ADMIN_URL =
  process.env.TESSERA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const GRID = { k: [8, 10, 12, 14], tolerance: [0.05, 0.1, 0.2] };
const POINTS = GRID.k.length * GRID.tolerance.length;

/** Starts a built Tessera script; resolves once it wrote a line matching `ready`. */
async function start(
  script: URL,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, [script.pathname, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines = createInterface({ input: child.stderr });
  for await (const line of lines) {
    const match = ready.exec(line);
    if (match) {
      lines.on('line', () => undefined); // keep draining its stderr
      return { child, match };
    }
  }
  throw new Error(
    `${script.pathname} exited before writing ${ready} (code ${String(child.exitCode)})`,
  );
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

async function api(
  url: string,
  path: string,
  init: { method?: string; body?: FormData | string; json?: boolean } = {},
): Promise<unknown> {
  const headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` };
  if (init.json) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const body: unknown = await response.json();
  if (response.status >= 300)
    throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

const name = `tessera_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
const children: ChildProcess[] = [];
try {
  const server = await start(
    new URL('../dist/server.js', import.meta.url),
    [],
    { PORT: '0', DATABASE_URL: databaseUrl, TESSERA_BOOTSTRAP_TOKEN: TOKEN, TESSERA_WORKERS: '0' },
    /listening on (\S+)/,
  );
  children.push(server.child);
  const url = server.match[1]!;

  const reps = Math.max(10, Math.round(accounts / 1000));
  const sample = generateSample({ accounts, reps, seed: 1, places: loadUsPlaces() });
  const upload = new FormData();
  upload.append('name', `bench ${accounts}`);
  upload.append(
    'accounts',
    new Blob([[...accountsToCsv(sample.accounts)].join('')]),
    'accounts.csv',
  );
  upload.append('reps', new Blob([[...repsToCsv(sample.reps)].join('')]), 'reps.csv');
  const dataset = (await api(url, '/api/datasets', { method: 'POST', body: upload })) as {
    id: string;
  };
  const scenario = (await api(url, '/api/scenarios', {
    method: 'POST',
    json: true,
    body: JSON.stringify({
      version: 1,
      name: 'bench',
      dataset: { id: dataset.id },
      strategy: { id: 'geographic', params: {} },
    }),
  })) as { id: string };

  for (const workers of [1, 2]) {
    const started = await Promise.all(
      Array.from({ length: workers }, () =>
        start(
          new URL('../../cli/bin/tessera.js', import.meta.url),
          ['worker'],
          { DATABASE_URL: databaseUrl, TESSERA_WORKERS: String(threads) },
          /taking jobs on/,
        ),
      ),
    );
    children.push(...started.map((s) => s.child));
    const begin = performance.now();
    const { id } = (await api(url, '/api/sweeps', {
      method: 'POST',
      json: true,
      body: JSON.stringify({ scenarioId: scenario.id, grid: GRID }),
    })) as { id: string };
    let sweep: { status: string; done: number; failed: number };
    do {
      await new Promise((resolve) => setTimeout(resolve, 100));
      sweep = (await api(url, `/api/sweeps/${id}`)) as typeof sweep;
    } while (sweep.status === 'queued' || sweep.status === 'running');
    const ms = Math.round(performance.now() - begin);
    if (sweep.done !== POINTS) throw new Error(`the sweep ended ${JSON.stringify(sweep)}`);
    console.log(
      JSON.stringify({
        name: `sweep of ${POINTS} points, ${workers} worker${workers === 1 ? '' : 's'} × ${threads} thread${threads === 1 ? '' : 's'}`,
        rows: accounts,
        ms,
      }),
    );
    await Promise.all(started.map((s) => stop(s.child)));
  }
} finally {
  await Promise.all(children.map(stop));
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
