// matchAccounts on N synthetic accounts over the contiguous US: a categorical + numeric filter,
// a polygon filter and the two together. Prints one JSON line per case for scripts/bench.ts.
// Usage: node bench/filter.bench.ts [N]
//
// Each case is parsed and evaluated from text, as an edit would; `ms` is the median of 7 runs,
// `firstMs` the first run on the full table (after a warm-up on a small one).
import { AccountTableBuilder, createRandom, type AccountTable } from '@tessera/core';
import { matchAccounts, type AreaGeometry } from '@tessera/scenarios';

const n = Number(process.argv[2] ?? 100_000);
const REGIONS = ['West', 'Mountain', 'Midwest', 'South', 'Northeast', 'Southwest', 'Pacific NW'];
const INDUSTRIES = ['healthcare', 'retail', 'manufacturing', 'finance', 'tech', 'education'];

function syntheticAccounts(count: number, seed: string): AccountTable {
  const random = createRandom(seed);
  const builder = new AccountTableBuilder(count);
  for (let i = 0; i < count; i++) {
    builder.push({
      id: `A${i}`,
      lat: 25 + random.next() * 24,
      lon: -124 + random.next() * 57,
      // One in fifty accounts lacks a region or a potential: the missing-value paths run too.
      region: random.next() < 0.02 ? null : REGIONS[random.int(REGIONS.length)]!,
      industry: INDUSTRIES[random.int(INDUSTRIES.length)]!,
      employees: Math.round(Math.exp(random.next() * 9)),
      potential: random.next() < 0.02 ? null : Math.round(random.next() * 200_000),
      workload: 1,
    });
  }
  return builder.finish();
}

// A 720-gon of radius 6° around Denver, and a square hole in it: a realistic drawn area.
const ring = Array.from({ length: 721 }, (_, k) => {
  const angle = ((k % 720) / 720) * 2 * Math.PI;
  return [-104.99 + 6 * Math.cos(angle), 39.74 + 6 * Math.sin(angle)];
});
const hole = [
  [-106, 38.5],
  [-104, 38.5],
  [-104, 40.5],
  [-106, 40.5],
  [-106, 38.5],
];
const areas: Record<string, AreaGeometry> = {
  'front-range': { type: 'Polygon', coordinates: [ring, hole] },
};

const cases: { name: string; filter: string }[] = [
  {
    name: 'filter categorical + numeric',
    filter: 'region = "West" and potential > 100_000',
  },
  { name: 'filter polygon (720 vertices, 1 hole)', filter: 'within "front-range"' },
  {
    name: 'filter in-list + numeric + polygon',
    filter: 'industry in ("healthcare", "retail") and employees >= 100 and within "front-range"',
  },
];

// Warm the code up on a small table so the figures are about the scan, not the JIT.
const warmUp = syntheticAccounts(2_000, 'bench-filter-warm-up');
for (const { filter } of cases) timeOnce(warmUp, filter);
const accounts = syntheticAccounts(n, 'bench-filter');

for (const { name, filter } of cases) {
  const { ms: firstMs, matched } = timeOnce(accounts, filter);
  const runs = Array.from({ length: 7 }, () => timeOnce(accounts, filter).ms).sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      name,
      rows: n,
      ms: runs[3],
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      firstMs,
      matched,
      filter,
    }),
  );
}

function timeOnce(table: AccountTable, filter: string): { ms: number; matched: number } {
  const start = performance.now();
  const mask = matchAccounts(table, filter, { areas });
  const ms = performance.now() - start;
  let matched = 0;
  for (const v of mask) matched += v;
  return { ms, matched };
}
