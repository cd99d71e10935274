// The pipeline size → industry → final strategy on N generated US accounts (50 reps up to
// 100k accounts, 200 above), against the final strategy alone on the same data: time, peak
// memory, workload balance and skill match. Prints one JSON line per run for scripts/bench.ts.
// Usage: node bench/pipeline.bench.ts [N] [final strategy id, default geographic if built in]
import { computeMetrics, runStrategy, type AccountTable, type RepTable } from '@tessera/core';
import { createPipelinePlugin, territoryStrategies } from '@tessera/plugins';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';

const n = Number(process.argv[2] ?? 100_000);
const repCount = n <= 100_000 ? 50 : 200;
const fallback = territoryStrategies.some((p) => p.id === 'geographic') ? 'geographic' : 'nearest';
const final = process.argv[3] ?? fallback;
const pipeline = createPipelinePlugin(territoryStrategies);
const places = loadUsPlaces();

const STAGES = [{ split: 'size' }, { split: 'industry', params: { minShare: 0.05 } }];

async function measure(
  name: string,
  accounts: AccountTable,
  reps: RepTable,
  stages: readonly object[],
): Promise<void> {
  const start = performance.now();
  const { plan, infeasible } = await runStrategy(
    pipeline,
    { accounts, reps, seed: 1 },
    { stages, territories: { strategy: final } },
  );
  const ms = performance.now() - start;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  const metrics = computeMetrics(accounts, reps, plan, { kmeans: false });
  console.log(
    JSON.stringify({
      name,
      rows: accounts.length,
      ms,
      peakRssMB,
      reps: reps.length,
      territories: plan.territories.length,
      maxDeviation: metrics.balance.workload.maxDeviation,
      balanceIndex: metrics.balance.workload.index,
      skillMatch: metrics.skillMatch.share,
      meanDistanceKm: metrics.compactness.meanDistanceKm,
      unassigned: metrics.coverage.unassigned,
      infeasible: infeasible ? 1 : 0,
    }),
  );
}

// Warm-up on a small sample so the timed runs measure steady-state code.
const warm = generateSample({ accounts: 2000, reps: 10, seed: 'warm', places });
await runStrategy(
  pipeline,
  { accounts: warm.accounts, reps: warm.reps },
  { stages: STAGES, territories: { strategy: final } },
);

const { accounts, reps } = generateSample({
  accounts: n,
  reps: repCount,
  seed: 'bench-pipeline',
  places,
});
await measure(`pipeline size → industry → ${final}`, accounts, reps, STAGES);
await measure(`${final} alone (pipeline reference)`, accounts, reps, []);
