// `rep-skill` on N generated US accounts (50 reps up to 100k accounts, 200 beyond).
// Prints one JSON line per run for scripts/bench.ts. Usage: node bench/rep-skill.bench.ts [N]
//
// Two runs:
// - "generated": the sample data as it comes. Some skills are rare there, so even a perfect
//   plan cannot match every account: `bound` is the best skill-match share any plan within
//   capacity × (1 + tolerance) can reach (maxSkillMatchShare), to read `share` against.
// - "matchable": the same accounts and reps, the accounts' needs relabelled so that a fully
//   matched plan within capacity exists by construction (see matchableAccounts). `share`
//   should reach ≥ 0.98 there.
// `nearestShare` is the skill match of plain nearest-rep assignment on the same data.
import {
  AccountTable,
  computeMetrics,
  RepTable,
  runStrategy,
  TagColumn,
  type Plan,
} from '@tessera/core';
import { maxSkillMatchShare, nearest, repSkill } from '@tessera/plugins';
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';

const n = Number(process.argv[2] ?? 100_000);
const repCount = n <= 100_000 ? 50 : 200;
const tolerance = 0.05;
const { accounts, reps } = generateSample({
  accounts: n,
  reps: repCount,
  seed: 'bench-rep-skill',
  places: loadUsPlaces(),
});

/** Max over reps of load / capacity − 1 (0 when nobody is over). */
function maxOverCapacity(plan: Plan, table: RepTable): number {
  const repOf = plan.repOf(table);
  const load = new Float64Array(table.length);
  for (let i = 0; i < repOf.length; i++) {
    const w = accounts.workload[i]!;
    if (repOf[i]! >= 0 && w > 0) load[repOf[i]!]! += w;
  }
  let worst = 0;
  for (let r = 0; r < table.length; r++) {
    worst = Math.max(worst, load[r]! / table.capacity[r]! - 1);
  }
  return worst;
}

async function measure(name: string, table: AccountTable, team: RepTable): Promise<void> {
  const start = performance.now();
  const result = await runStrategy(repSkill, { accounts: table, reps: team }, { tolerance });
  const ms = performance.now() - start;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  const metrics = computeMetrics(table, team, result.plan, { kmeans: false });
  const near = await runStrategy(nearest, { accounts: table, reps: team });
  const nearMetrics = computeMetrics(table, team, near.plan, { kmeans: false });
  console.log(
    JSON.stringify({
      name: `solve rep-skill, ${name}, ${repCount} reps`,
      rows: n,
      ms: Math.round(ms),
      peakRssMB: Math.round(peakRssMB),
      share: round(metrics.skillMatch.share),
      bound: round(await maxSkillMatchShare(table, team, { tolerance })),
      maxOverCapacity: round(maxOverCapacity(result.plan, team)),
      travelKm: round(metrics.travel.meanDistanceKm ?? 0),
      nearestShare: round(nearMetrics.skillMatch.share),
      nearestTravelKm: round(nearMetrics.travel.meanDistanceKm ?? 0),
    }),
  );
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * The same accounts, relabelled so that a fully matched plan within capacity exists: the plan
 * rep-skill makes with skills ignored (so within capacity); an account whose rep there lacks
 * what it needs now needs that rep's first skill instead. Reps keep their generated skills.
 */
async function matchableAccounts(): Promise<AccountTable> {
  const data = accounts.toData();
  const blindAccounts = AccountTable.fromData({
    ...data,
    categories: {
      ...data.categories,
      industry: { codes: new Int32Array(n).fill(-1), dictionary: [] },
    },
    skillsRequired: { offsets: new Uint32Array(n + 1), codes: new Int32Array(0), dictionary: [] },
  });
  const blindReps = RepTable.fromRows(Array.from(reps.rows(), (row) => ({ ...row, skills: [] })));
  const { plan } = await runStrategy(
    repSkill,
    { accounts: blindAccounts, reps: blindReps },
    { tolerance },
  );
  const repOf = plan.repOf(blindReps);
  const held = Array.from(reps.rows(), (row) => new Set(row.skills));
  const needs: string[][] = [];
  for (let i = 0; i < n; i++) {
    const own = accounts.skillsRequired.get(i);
    const industry = accounts.industry.get(i);
    const need = own.length > 0 ? own : industry ? [`industry:${industry}`] : [];
    const rep = held[repOf[i]!]!;
    needs.push(need.every((tag) => rep.has(tag)) ? need : [...rep].slice(0, 1));
  }
  return AccountTable.fromData({ ...data, skillsRequired: TagColumn.from(needs).data() });
}

// Warm-up on a small sample, so the figures are not the JIT compiler's.
const warm = generateSample({ accounts: 3000, reps: 20, seed: 'warm-up', places: loadUsPlaces() });
await runStrategy(repSkill, warm, { tolerance });

await measure('generated', accounts, reps);
await measure('matchable', await matchableAccounts(), reps);
