// Times an import through the API: generated accounts and reps written to CSV files, uploaded
// as multipart to a started server (`node apps/api/dist/server.js`, PGlite in a temp folder).
//   pnpm --filter @tessera/api... build && node apps/api/bench/import.bench.ts [rows]
// Prints one JSON line: {"name":"import through the API (PGlite)","rows":N,"ms":…,"peakRssMB":…}
// where ms is the upload's round trip and peakRssMB the server process's peak (VmHWM) during it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import {
  createWriteStream,
  mkdtempSync,
  openAsBlob,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { accountsToCsv, repsToCsv } from '@tessera/core';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';

const rows = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(rows) || rows <= 0) {
  console.error(`rows must be a positive integer, got "${process.argv[2] ?? ''}"`);
  process.exit(1);
}
const TOKEN = 'bench-bootstrap-token-0123456789abcdef';
const serverScript = new URL('../dist/server.js', import.meta.url);

async function writeCsv(path: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

// The embedded database is what this figure is about, whatever the shell has set.
const { DATABASE_URL: _postgres, ...inheritedEnv } = process.env;

/** Starts the built server on a free port; resolves with its URL once it says it listens. */
async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [serverScript.pathname], {
    env: {
      ...inheritedEnv,
      PORT: '0',
      TESSERA_DATA: dataDir,
      TESSERA_BOOTSTRAP_TOKEN: TOKEN,
      TESSERA_WORKERS: '1',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines = createInterface({ input: child.stderr });
  for await (const line of lines) {
    const listening = /listening on (\S+)/.exec(line);
    if (listening) return { child, url: listening[1]! };
  }
  throw new Error(`the server exited before listening (code ${String(child.exitCode)})`);
}

/** A process's resident set from Linux's /proc: `VmHWM` is its peak, `VmRSS` its present. */
function rssMB(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return kb ? Math.round(Number(kb[1]) / 1024) : null;
  } catch {
    return null;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tessera-api-bench-'));
let server: { child: ChildProcess; url: string } | undefined;
try {
  const reps = Math.max(10, Math.round(rows / 2000));
  const sample = generateSample({ accounts: rows, reps, seed: 1, places: loadUsPlaces() });
  const accountsFile = join(dir, 'accounts.csv');
  const repsFile = join(dir, 'reps.csv');
  await writeCsv(accountsFile, accountsToCsv(sample.accounts));
  await writeCsv(repsFile, repsToCsv(sample.reps));

  server = await startServer(join(dir, 'data'));
  const pid = server.child.pid!;
  // The server's own start (PGlite, migrations, workers) sets a peak of its own: noted apart,
  // then reset (Linux's clear_refs 5), so peakRssMB is the import's.
  const startPeakMB = rssMB(pid, 'VmHWM');
  const idleRssMB = rssMB(pid, 'VmRSS');
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not Linux, or not allowed: the peak then includes the start.
  }
  const body = new FormData();
  body.append('name', `bench ${rows}`);
  // openAsBlob streams from disk: the client does not hold the file either.
  body.append('accounts', await openAsBlob(accountsFile, { type: 'text/csv' }), 'accounts.csv');
  body.append('reps', await openAsBlob(repsFile, { type: 'text/csv' }), 'reps.csv');

  const start = performance.now();
  const response = await fetch(`${server.url}/api/datasets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}` },
    body,
  });
  const answer = (await response.json()) as { accounts?: number; message?: string };
  const ms = Math.round(performance.now() - start);
  if (response.status !== 201 || answer.accounts !== rows) {
    throw new Error(`upload answered ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`);
  }
  console.log(
    JSON.stringify({
      name: 'import through the API (PGlite)',
      rows,
      ms,
      peakRssMB: rssMB(pid, 'VmHWM'),
      csvMB: Math.round(statSync(accountsFile).size / 1024 / 1024),
      startPeakMB,
      idleRssMB,
      rssAfterMB: rssMB(pid, 'VmRSS'),
    }),
  );
} finally {
  if (server) {
    server.child.kill('SIGTERM');
    if (server.child.exitCode === null) await once(server.child, 'exit');
  }
  rmSync(dir, { recursive: true, force: true });
}
