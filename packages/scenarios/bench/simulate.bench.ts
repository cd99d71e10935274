// `simulateRevenue` with 1,000 draws on N generated US accounts (reps N / 500) and the
// nearest-rep plan. Prints one JSON line for scripts/bench.ts: the median of three timed runs
// after a warm-up, and the throughput in account-draws per second.
// Usage: node bench/simulate.bench.ts [N]
import { runStrategy } from '@tessera/core';
import { nearest } from '@tessera/plugins';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import { simulateRevenue } from '@tessera/scenarios';

const n = Number(process.argv[2] ?? 100_000);
const draws = 1000;
const places = loadUsPlaces();
const { accounts, reps } = generateSample({
  accounts: n,
  reps: Math.max(1, Math.round(n / 500)),
  seed: 'bench-simulate',
  places,
});
const { plan } = await runStrategy(nearest, { accounts, reps, seed: 1 });

// Warm-up on a small table so the timed runs measure the simulation, not the JIT.
{
  const warm = generateSample({ accounts: 5000, reps: 10, seed: 'warm-up', places });
  const warmPlan = (await runStrategy(nearest, { ...warm, seed: 1 })).plan;
  simulateRevenue(warm.accounts, warm.reps, warmPlan, { draws });
}

const times: number[] = [];
let result = simulateRevenue(accounts, reps, plan, { draws, seed: 1 });
for (let run = 0; run < 3; run++) {
  const start = performance.now();
  result = simulateRevenue(accounts, reps, plan, { draws, seed: 1 });
  times.push(performance.now() - start);
}
const ms = times.sort((a, b) => a - b)[1]!;
console.log(
  JSON.stringify({
    name: `simulate revenue, ${draws} draws, nearest plan`,
    rows: n,
    ms,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    accountDrawsPerSecond: Math.round((n * draws) / (ms / 1000)),
    territories: result.territories.length,
    expected: Math.round(result.total.expected),
    p10: Math.round(result.total.p10),
    p90: Math.round(result.total.p90),
  }),
);
