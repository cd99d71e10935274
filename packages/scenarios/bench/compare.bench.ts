// compareRuns on two runs of N generated accounts: the flow matrix, moved accounts and rep
// workloads, for a small what-if (one rep leaves, one moves) and a large one (half the reps
// leave). Prints JSON lines for scripts/bench.ts. Usage: node bench/compare.bench.ts [N]
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import { compareRuns, runScenario } from '@tessera/scenarios';

const n = Number(process.argv[2] ?? 100_000);
const reps = Math.max(10, Math.round(n / 5000));
const { accounts, reps: repTable } = generateSample({
  accounts: n,
  reps,
  seed: 'bench-compare',
  places: loadUsPlaces(),
});
const dataset = { accounts, reps: repTable };

const strategy = { id: 'nearest', params: {} };
const today = await runScenario(dataset, { version: 1, name: 'today', strategy, seed: 1 });
const cases = [
  {
    name: 'one rep leaves, one moves',
    edits: [
      { type: 'remove-rep', rep: repTable.id.get(1) },
      { type: 'move-rep', rep: repTable.id.get(2), lat: 39.74, lon: -104.99 },
    ],
  },
  {
    // The worst case for the flow matrix and the moved list: about half the accounts move.
    name: 'half the reps leave',
    edits: Array.from({ length: Math.floor(reps / 2) }, (_, r) => ({
      type: 'remove-rep',
      rep: repTable.id.get(2 * r),
    })),
  },
];

for (const { name, edits } of cases) {
  const changed = await runScenario(dataset, { version: 1, name, strategy, seed: 1, edits });
  compareRuns([today, changed]); // warm-up
  const times: number[] = [];
  let comparison = compareRuns([today, changed]);
  for (let k = 0; k < 5; k++) {
    const start = performance.now();
    comparison = compareRuns([today, changed]);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      name: `compare two runs (${name}), ${reps} reps, median of 5`,
      rows: n,
      ms: times[2],
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      accountsMoved: comparison.pairs[0]!.accountsMoved,
      runMs: changed.timings.totalMs,
    }),
  );
}
