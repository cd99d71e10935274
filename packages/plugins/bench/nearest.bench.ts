// `nearest` on N synthetic accounts spread over the contiguous US and 200 reps.
// Prints one JSON line for scripts/bench.ts. Usage: node bench/nearest.bench.ts [N]
import { AccountTableBuilder, createRandom, RepTable, runStrategy } from '@tessera/core';
import { nearest } from '@tessera/plugins';

const n = Number(process.argv[2] ?? 100_000);
const random = createRandom('bench-nearest');
const builder = new AccountTableBuilder(n);
for (let i = 0; i < n; i++) {
  builder.push({
    id: `A${i}`,
    lat: 25 + random.next() * 24,
    lon: -124 + random.next() * 57,
    workload: 1,
  });
}
const accounts = builder.finish();
const reps = RepTable.fromRows(
  Array.from({ length: 200 }, (_, r) => ({
    id: `R${r}`,
    lat: 25 + random.next() * 24,
    lon: -124 + random.next() * 57,
  })),
);

await runStrategy(nearest, { accounts: builderSlice(), reps }); // warm-up on a small table
const start = performance.now();
await runStrategy(nearest, { accounts, reps });
const ms = performance.now() - start;
console.log(
  JSON.stringify({
    name: 'solve nearest, 200 reps',
    rows: n,
    ms,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);

function builderSlice() {
  const small = new AccountTableBuilder(1000);
  for (let i = 0; i < 1000; i++)
    small.push({ id: `w${i}`, lat: 30 + (i % 10), lon: -100 + (i % 7) });
  return small.finish();
}
