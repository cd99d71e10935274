// The built server (`dist/server.js`) started as its own process for a benchmark: on PGlite in
// a temp folder, or on a fresh database of the PostgreSQL server DATABASE_URL names (dropped
// afterwards). Run `pnpm --filter @tessera/api... build` first (`pnpm bench` does).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';

export const TOKEN = 'bench-bootstrap-token-0123456789abcdef';

export interface BenchServer {
  url: string;
  pid: number;
  /** `PGlite` or `PostgreSQL`, for the figures' names. */
  storage: string;
  /** `fetch` on the server with the admin token; JSON in and out, throws on an error status. */
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Starts the server with `env` on top of a benchmark's defaults; resolves once it listens. */
export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const { DATABASE_URL: postgresUrl, ...inherited } = process.env;
  const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
  const database = postgresUrl ? await createDatabase(postgresUrl) : null;
  const server = new URL('../dist/server.js', import.meta.url).pathname;
  // As `pnpm start` runs it: a 16 MB semi-space, not the 64 MB V8 sizes from this machine's memory.
  const child = spawn(process.execPath, ['--max-semi-space-size=16', server], {
    env: {
      ...inherited,
      PORT: '0',
      TESSERA_DATA: join(dir, 'data'),
      TESSERA_BOOTSTRAP_TOKEN: TOKEN,
      // The load generator is one caller: the per-token limit would measure itself.
      TESSERA_RATE_LIMIT: '100000000',
      ...(database ? { DATABASE_URL: database.url } : {}),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = await listening(child);
    return {
      url,
      pid: child.pid!,
      storage: database ? 'PostgreSQL' : 'PGlite',
      stop,
      async call<T>(method: string, path: string, body?: unknown): Promise<T> {
        const response = await fetch(`${url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${TOKEN}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await response.text();
        if (!response.ok)
          throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
        return JSON.parse(text) as T;
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function listening(child: ChildProcess): Promise<string> {
  const said: string[] = [];
  for await (const line of createInterface({ input: child.stderr! })) {
    said.push(line);
    const match = /listening on (\S+)/.exec(line);
    if (match) {
      // Keep reading, or a full pipe would one day block the server.
      child.stderr!.resume();
      return match[1]!;
    }
  }
  throw new Error(`the server exited before listening:\n${said.join('\n')}`);
}

async function createDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tessera_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.href,
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A process's resident set from Linux's /proc in MB: `VmHWM` its peak, `VmRSS` its present. */
export function rssMB(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return kb ? Math.round(Number(kb[1]) / 1024) : null;
  } catch {
    return null;
  }
}

interface RunView {
  status: string;
  error?: { message: string };
}

/** Polls a run every `everyMs` until it ends; throws unless it is done. */
export async function waitForRun(server: BenchServer, runId: string, everyMs = 25): Promise<void> {
  for (;;) {
    const run = await server.call<RunView>('GET', `/api/runs/${runId}`);
    if (run.status === 'done') return;
    if (run.status === 'failed' || run.status === 'cancelled') {
      throw new Error(`run ${runId} ${run.status}: ${run.error?.message ?? ''}`);
    }
    await new Promise((wake) => setTimeout(wake, everyMs));
  }
}

/**
 * The benches' scenario on a stored dataset (geographic, tolerance 0.05, seed 1), run to the
 * end: its id and the done run's id.
 */
export async function runBenchScenario(
  server: BenchServer,
  datasetId: string,
): Promise<{ scenarioId: string; runId: string }> {
  const scenario = await server.call<{ id: string }>('POST', '/api/scenarios', {
    version: 1,
    name: 'bench',
    dataset: { id: datasetId },
    strategy: { id: 'geographic', params: { tolerance: 0.05 } },
    seed: 1,
  });
  const { runId } = await server.call<{ runId: string }>(
    'POST',
    `/api/scenarios/${scenario.id}/runs`,
  );
  await waitForRun(server, runId);
  return { scenarioId: scenario.id, runId };
}
