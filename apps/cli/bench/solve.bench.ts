// The whole `tessera solve --strategy geographic` on N generated US accounts (50 reps up to
// 100k, 200 beyond), as the user's shell sees it, beside its stages in one process and, when
// Python with scikit-learn is installed (Debian: python3-sklearn), scikit-learn's KMeans fit on
// the same points (no balance at all: the floor a balanced solver is held against).
//   pnpm --filter @tessera/cli... build && node apps/cli/bench/solve.bench.ts [N]
// Prints JSON lines for scripts/bench.ts: the whole CLI (median of 3 processes, its peak RSS),
// the stages (CSV import, solve, metrics), and KMeans with the ratio of the CLI to it.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeMetrics, importAccountsCsv, importRepsCsv, runStrategy } from '@tessera/core';
import { geographic } from '@tessera/plugins';

const n = Number(process.argv[2] ?? 100_000);
const repCount = n <= 100_000 ? 50 : 200;
const RUNS = 3;
const bin = join(import.meta.dirname, '..', 'dist', 'bin.js');
if (!existsSync(bin)) {
  console.error(`no ${bin}: build the CLI first (pnpm --filter @tessera/cli... build)`);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'tessera-solve-bench-'));
const accounts = join(dir, 'accounts.csv');
const reps = join(dir, 'reps.csv');

function run(args: string[]): void {
  const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (child.status !== 0) throw new Error(`node ${args.join(' ')}: ${child.stderr.toString()}`);
}

try {
  run([
    bin,
    'generate',
    '--accounts',
    String(n),
    '--reps',
    String(repCount),
    '--seed',
    '7',
    '--out',
    dir,
  ]);

  // The whole command, each process reporting its own peak RSS as it exits.
  const report =
    'data:text/javascript,process.on("exit",()=>process.stderr.write("rss="+process.resourceUsage().maxRSS))';
  const times: number[] = [];
  let peakKb = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        report,
        bin,
        'solve',
        '--accounts',
        accounts,
        '--reps',
        reps,
        '--strategy',
        'geographic',
        '--out',
        join(dir, 'plan.csv'),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    times.push(performance.now() - start);
    const stderr = child.stderr.toString();
    if (child.status !== 0) throw new Error(`tessera solve failed: ${stderr}`);
    peakKb = Math.max(peakKb, Number(/rss=(\d+)/.exec(stderr)?.[1] ?? 0));
  }
  times.sort((a, b) => a - b);
  const cliMs = times[RUNS >> 1]!;
  console.log(
    JSON.stringify({
      name: 'tessera solve geographic (whole process)',
      rows: n,
      territories: repCount,
      ms: round(cliMs),
      minMs: round(times[0]!),
      peakRssMB: Math.round(peakKb / 1024),
    }),
  );

  // The stages in this process, after a warm-up run on the same files.
  const stages = async () => {
    const t0 = performance.now();
    const team = (await importRepsCsv(createReadStream(reps))).table;
    const table = (await importAccountsCsv(createReadStream(accounts), { reps: team })).table;
    const t1 = performance.now();
    const result = await runStrategy(geographic, { accounts: table, reps: team, seed: 0 }, {});
    const t2 = performance.now();
    computeMetrics(table, team, result.plan, { kmeans: false });
    const t3 = performance.now();
    return { importMs: t1 - t0, solveMs: t2 - t1, metricsMs: t3 - t2 };
  };
  await stages();
  const warm = await stages();
  console.log(
    JSON.stringify({
      name: 'tessera solve geographic (stages, warm)',
      rows: n,
      ms: round(warm.importMs + warm.solveMs + warm.metricsMs),
      importMs: round(warm.importMs),
      solveMs: round(warm.solveMs),
      metricsMs: round(warm.metricsMs),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );

  const kmeansMs = sklearnKMeansMs(repCount);
  if (kmeansMs === null) {
    process.stderr.write(
      'scikit-learn not found (Debian: apt-get install python3-sklearn): KMeans skipped\n',
    );
  } else {
    console.log(
      JSON.stringify({
        name: 'scikit-learn KMeans fit (same points, no balance)',
        rows: n,
        ms: round(kmeansMs),
        peakRssMB: 0,
        cliRatio: round(cliMs / kmeansMs, 2),
      }),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Median of 3 KMeans fits (k-means++, one init) on the accounts' lat/lon, or null without sklearn. */
function sklearnKMeansMs(k: number): number | null {
  const python = ['/usr/bin/python3', 'python3'].find(
    (exe) => spawnSync(exe, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0,
  );
  if (!python) return null;
  const script = join(dir, 'kmeans.py');
  writeFileSync(
    script,
    [
      'import csv, sys, time',
      'import numpy as np',
      'from sklearn.cluster import KMeans',
      'rows = csv.DictReader(open(sys.argv[1], newline=""))',
      'X = np.array([(float(r["lat"]), float(r["lon"])) for r in rows if r["lat"] and r["lon"]])',
      'times = []',
      'for seed in range(3):',
      '    t = time.perf_counter()',
      '    KMeans(n_clusters=int(sys.argv[2]), n_init=1, random_state=seed).fit(X)',
      '    times.append(time.perf_counter() - t)',
      'print(sorted(times)[1] * 1000)',
    ].join('\n'),
  );
  const child = spawnSync(python, [script, accounts, String(k)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`KMeans failed: ${child.stderr}`);
  return Number(child.stdout.trim());
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
