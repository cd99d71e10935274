// Times computeMetrics on a synthetic US-like table: `node bench/metrics.bench.ts [rows]`,
// and LiveMetrics, an editor's metrics after each edit (its graph built once, then 20 edits that
// each move 1,000 accounts lying together to one territory: assign + metrics, median).
// Runs against the built package: `pnpm --filter @tessera/core build` first.
import {
  AccountTableBuilder,
  Plan,
  RepTable,
  computeMetrics,
  createRandom,
  LiveMetrics,
  type MetricsOptions,
  type RepInput,
} from '@tessera/core';

const rows = Number(process.argv[2] ?? 100_000);
const territories = 200;
const runs = 5;

const metros: [number, number][] = [
  [40.71, -74.0],
  [34.05, -118.24],
  [41.88, -87.63],
  [29.76, -95.37],
  [33.45, -112.07],
  [39.95, -75.17],
  [29.42, -98.49],
  [32.72, -117.16],
  [32.78, -96.8],
  [37.34, -121.89],
  [30.27, -97.74],
  [39.77, -86.16],
  [30.33, -81.66],
  [37.77, -122.42],
  [39.96, -83.0],
  [35.23, -80.84],
  [47.61, -122.33],
  [39.74, -104.99],
  [38.91, -77.04],
  [42.36, -71.06],
  [36.17, -115.14],
  [45.52, -122.68],
  [35.15, -90.05],
  [42.33, -83.05],
  [36.16, -86.78],
  [25.76, -80.19],
  [33.75, -84.39],
  [44.98, -93.27],
  [27.95, -82.46],
  [40.44, -80.0],
];
const industries = ['healthcare', 'finance', 'retail', 'manufacturing', 'software', 'energy'];
const random = createRandom('metrics-bench');
const pick = <T>(items: readonly T[]): T => items[random.int(items.length)]!;

function location(): [number, number] {
  if (random.next() < 0.2) return [25 + random.next() * 24, -124 + random.next() * 57];
  const [lat, lon] = pick(metros);
  return [lat + random.normal() * 0.6, lon + random.normal() * 0.8];
}

const repRows: RepInput[] = [];
for (let r = 0; r < territories; r++) {
  const [lat, lon] = location();
  repRows.push({
    id: `rep-${r}`,
    lat,
    lon,
    capacity: ((rows * 3) / territories) * (0.8 + 0.4 * random.next()),
    skills: [`industry:${pick(industries)}`, `industry:${pick(industries)}`, 'lang:es'].slice(
      0,
      1 + random.int(3),
    ),
  });
}
const reps = RepTable.fromRows(repRows);

const builder = new AccountTableBuilder(rows);
for (let i = 0; i < rows; i++) {
  const [lat, lon] = location();
  const roll = random.next();
  builder.push({
    id: `acc-${i}`,
    lat,
    lon,
    industry: pick(industries),
    potential: Math.exp(8 + random.normal()),
    revenue: random.next() < 0.3 ? 0 : Math.exp(7 + random.normal()),
    workload: 1 + Math.exp(random.normal()),
    owner:
      roll < 0.05
        ? null
        : roll < 0.1
          ? `rep-gone-${random.int(20)}`
          : `rep-${random.int(territories)}`,
    skillsRequired: random.next() < 0.2 ? ['lang:es'] : null,
  });
}
const accounts = builder.finish();
const repOf = new Int32Array(rows);
for (let i = 0; i < rows; i++) repOf[i] = random.next() < 0.01 ? -1 : random.int(territories);
const plan = Plan.fromRepAssignment(reps, repOf);

function time(name: string, options: MetricsOptions): void {
  computeMetrics(accounts, reps, plan, options);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    computeMetrics(accounts, reps, plan, options);
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  const ms = Math.round(times[Math.floor(runs / 2)]! * 10) / 10;
  const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ name, rows, territories, ms, peakRssMB }));
}

time('metrics (all)', {});
time('metrics (no k-means)', { kmeans: false });

{
  const started = performance.now();
  const live = new LiveMetrics(accounts, reps, plan);
  live.metrics();
  const setupMs = performance.now() - started;
  // Accounts in longitude order: 1,000 neighbours in it lie in one band, as a lasso takes them.
  const byLon = Array.from({ length: rows }, (_, i) => i).sort(
    (a, b) => accounts.lon[a]! - accounts.lon[b]!,
  );
  const times: number[] = [];
  for (let edit = 0; edit < 20; edit++) {
    const from = random.int(Math.max(1, rows - 1000));
    const picked = byLon.slice(from, from + 1000);
    const start = performance.now();
    live.assign(picked, random.int(territories));
    live.metrics();
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  console.log(
    JSON.stringify({
      name: 'live metrics: edit of 1,000 accounts',
      rows,
      territories,
      ms: Math.round(times[10]! * 10) / 10,
      maxMs: Math.round(times[19]! * 10) / 10,
      setupMs: Math.round(setupMs),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}
