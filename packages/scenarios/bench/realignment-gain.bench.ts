// The realignment-gain study of docs/simulation.md: generated accounts (N) and reps (N / 500),
// today's messy baseline against optimized plans, each simulated with the default response
// model on the same 1,000 paired draws. Prints one JSON line per plan for scripts/bench.ts:
// the expected revenue gain over the baseline in % with the P10/P90 of the paired gain, the
// change in travel cost, and the figures that explain the gain (orphaned potential, coverage);
// `proportional*` repeat the gain with allocation 'proportional' (reps who do not prioritise).
// Runs only up to 100k accounts: at 1M each geographic plan takes minutes with 2,000 reps, and
// the study is about the model, not speed. Usage: node bench/realignment-gain.bench.ts [N]
import { baselinePlan, Plan, runStrategy, type AccountTable, type RepTable } from '@tessera/core';
import { geographic, nearest } from '@tessera/plugins';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';
import { compareSimulations, type SimulationResult } from '@tessera/scenarios';

const n = Number(process.argv[2] ?? 100_000);
if (n > 100_000) {
  process.stderr.write('realignment-gain bench: skipped above 100,000 accounts\n');
  process.exit(0);
}
const repCount = Math.max(1, Math.round(n / 500));
const seed = 'bench-realignment';
const draws = 1000;
const { accounts, reps } = generateSample({
  accounts: n,
  reps: repCount,
  seed,
  places: loadUsPlaces(),
});
const baseline = baselinePlan(accounts, reps);
const peakRssMB = (): number => process.resourceUsage().maxRSS / 1024;

/** The baseline with only its orphans (no owner, or an owner who left) given to the nearest rep. */
async function repairedBaseline(table: AccountTable, team: RepTable, base: Plan): Promise<Plan> {
  const near = (await runStrategy(nearest, { accounts: table, reps: team, seed: 1 })).plan;
  const territoryOf = Int32Array.from(base.territoryOf, (t, i) =>
    t >= 0 ? t : near.territoryOf[i]!,
  );
  return new Plan(territoryOf, base.territories);
}

/** Coverage quantiles over the staffed territories, weighted by workload. */
function coverageSpread(result: SimulationResult): { p10: number; p50: number; p90: number } {
  const rows = result.territories
    .filter((t) => t.repId !== null && t.coverage !== null && t.workload > 0)
    .sort((a, b) => a.coverage! - b.coverage!);
  const total = rows.reduce((sum, t) => sum + t.workload, 0);
  const at = (q: number): number => {
    let running = 0;
    for (const row of rows) {
      running += row.workload;
      if (running >= q * total) return row.coverage!;
    }
    return rows.at(-1)?.coverage ?? 0;
  };
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9) };
}

const round = (x: number, digits = 4): number => Number(x.toFixed(digits));

const plans: [string, () => Promise<Plan>][] = [
  ['baseline, orphans to nearest rep', () => repairedBaseline(accounts, reps, baseline)],
  ['nearest', async () => (await runStrategy(nearest, { accounts, reps, seed: 1 })).plan],
  [
    'geographic (defaults)',
    async () => (await runStrategy(geographic, { accounts, reps, seed: 1 })).plan,
  ],
  [
    'geographic continuityWeight 1',
    async () =>
      (await runStrategy(geographic, { accounts, reps, seed: 1 }, { continuityWeight: 1 })).plan,
  ],
  [
    "geographic centers 'reps'",
    async () =>
      (await runStrategy(geographic, { accounts, reps, seed: 1 }, { centers: 'reps' })).plan,
  ],
  [
    "geographic centers 'reps', continuityWeight 1",
    async () =>
      (
        await runStrategy(
          geographic,
          { accounts, reps, seed: 1 },
          { centers: 'reps', continuityWeight: 1 },
        )
      ).plan,
  ],
];

let baselineLine = false;
for (const [name, build] of plans) {
  const plan = await build();
  const start = performance.now();
  const comparison = compareSimulations(accounts, reps, baseline, plan, { draws, seed });
  const ms = performance.now() - start;
  const { base, proposal, gain, gainShare } = comparison;
  const flat = compareSimulations(accounts, reps, baseline, plan, {
    draws,
    seed,
    model: { allocation: 'proportional' },
  });
  if (!baselineLine) {
    baselineLine = true;
    console.log(
      JSON.stringify({
        name: 'realignment gain: baseline',
        rows: n,
        ms: 0,
        peakRssMB: peakRssMB(),
        reps: repCount,
        expectedRevenue: round(base.total.expected, 0),
        potential: base.total.potential,
        revenueShareOfPotential: round(base.total.expected / base.total.potential),
        orphanedPotentialShare: round(base.unassigned.potential / base.total.potential),
        orphanedWorkloadShare: round(base.unassigned.workload / base.total.workload),
        coverage: round(base.total.coverage ?? 0),
        coverageP10: round(coverageSpread(base).p10),
        coverageP90: round(coverageSpread(base).p90),
        travelHoursShare: round(
          base.total.travelHours /
            reps.capacity.reduce((sum, c) => sum + (c > 0 ? c : 0), 0) /
            base.model.hoursPerUnit,
        ),
        travelCost: round(base.total.travelCost, 0),
      }),
    );
  }
  const coverage = coverageSpread(proposal);
  console.log(
    JSON.stringify({
      name: `realignment gain: ${name}`,
      rows: n,
      ms,
      peakRssMB: peakRssMB(),
      gainPct: round(100 * (gainShare?.expected ?? Number.NaN), 2),
      gainP10Pct: round(100 * (gainShare?.p10 ?? Number.NaN), 2),
      gainP90Pct: round(100 * (gainShare?.p90 ?? Number.NaN), 2),
      probabilityOfGain: comparison.probabilityOfGain,
      gain: round(gain.expected, 0),
      travelCostChange: round(comparison.travelCostChange, 0),
      travelCostChangePct: round(
        (100 * comparison.travelCostChange) / Math.max(1, base.total.travelCost),
        1,
      ),
      netGain: round(comparison.netGain, 0),
      revenueShareOfPotential: round(proposal.total.expected / proposal.total.potential),
      coverage: round(proposal.total.coverage ?? 0),
      coverageP10: round(coverage.p10),
      coverageP90: round(coverage.p90),
      proportionalGainPct: round(100 * (flat.gainShare?.expected ?? Number.NaN), 2),
      proportionalGainP10Pct: round(100 * (flat.gainShare?.p10 ?? Number.NaN), 2),
      proportionalGainP90Pct: round(100 * (flat.gainShare?.p90 ?? Number.NaN), 2),
      travelHoursShare: round(
        proposal.total.travelHours /
          reps.capacity.reduce((sum, c) => sum + (c > 0 ? c : 0), 0) /
          proposal.model.hoursPerUnit,
      ),
    }),
  );
}
