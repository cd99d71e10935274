// How long `tessera --help` takes to start, as the user's shell sees it: the median wall time of
// 20 fresh `node dist/bin.js --help` processes, next to the median of bare `node -e 0` on the
// same machine at the same moment (what no change to the CLI can go below).
//   pnpm --filter @tessera/cli... build && node apps/cli/bench/start.bench.ts
// Start-up does not depend on data size, so it runs once, at the smallest size the bench runner
// asks for (100,000) and prints one JSON line; rows is 0.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const n = Number(process.argv[2] ?? 100_000);
if (n > 100_000) {
  process.stderr.write('CLI start bench: runs once, at 100,000\n');
  process.exit(0);
}
const RUNS = 20;
const bin = join(import.meta.dirname, '..', 'dist', 'bin.js');
if (!existsSync(bin)) {
  console.error(`no ${bin}: build the CLI first (pnpm --filter @tessera/cli... build)`);
  process.exit(1);
}

/** Median wall time of RUNS runs of `node …args`, in ms; fails if any run fails. */
function medianMs(args: string[]): { median: number; min: number } {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const child = spawnSync(process.execPath, args, { stdio: 'ignore' });
    times.push(performance.now() - start);
    if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${child.status}`);
  }
  times.sort((a, b) => a - b);
  return { median: times[RUNS >> 1]!, min: times[0]! };
}

/** Peak RSS of one `--help` run, which the child reports itself as it exits. */
function peakRssMB(): number {
  const report =
    'data:text/javascript,process.on("exit",()=>process.stderr.write(String(process.resourceUsage().maxRSS)))';
  const child = spawnSync(process.execPath, ['--import', report, bin, '--help'], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return Math.round(Number(child.stderr.trim()) / 1024);
}

const node = medianMs(['-e', '0']);
const help = medianMs([bin, '--help']);
console.log(
  JSON.stringify({
    name: 'CLI start (tessera --help)',
    rows: 0,
    ms: Math.round(help.median),
    peakRssMB: peakRssMB(),
    minMs: Math.round(help.min),
    bareNodeMs: Math.round(node.median),
    runs: RUNS,
  }),
);
