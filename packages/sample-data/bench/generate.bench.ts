// Times generateSample on the built package: `pnpm --filter @tessera/core build &&
// pnpm --filter @tessera/sample-data build`, then `node bench/generate.bench.ts [accounts]`.
import { generateSample } from '@tessera/sample-data';
import { loadUsPlaces } from '@tessera/sample-data/node';

const accounts = Number(process.argv[2] ?? 100_000);
const reps = Math.min(500, Math.max(10, Math.floor(accounts / 2000)));
const places = loadUsPlaces();

const start = performance.now();
const sample = generateSample({ accounts, reps, seed: 'bench', places });
const ms = performance.now() - start;

if (sample.accounts.length !== accounts) throw new Error('wrong number of accounts');
console.log(
  JSON.stringify({
    name: 'generate accounts',
    rows: accounts,
    ms: Math.round(ms),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
