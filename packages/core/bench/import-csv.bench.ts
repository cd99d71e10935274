// Times importAccountsCsv on a synthetic accounts CSV streamed from disk.
//   pnpm --filter @tessera/core build && node packages/core/bench/import-csv.bench.ts [rows]
// Prints one JSON line: {"name":"import accounts CSV","rows":N,"ms":…,"peakRssMB":…,"cpuMs":…,"warmMs":…}
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importAccountsCsv } from '@tessera/core';

const rows = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(rows) || rows <= 0) {
  console.error(`rows must be a positive integer, got "${process.argv[2] ?? ''}"`);
  process.exit(1);
}

const INDUSTRIES = [
  'healthcare',
  'retail',
  'manufacturing',
  'technology',
  'finance',
  'education',
  'energy',
  'logistics',
];
const REGIONS = ['Northeast', 'Southeast', 'Midwest', 'Southwest', 'West', 'Northwest'];
const WORDS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Wonka',
  'Hooli',
  'Vandelay',
  'Soylent',
];
const SUFFIXES = ['Inc.', 'LLC', 'Corp', 'Group', 'Holdings', 'Partners'];

/** A small seeded generator so every run times the same file. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function writeFile(path: string, count: number): void {
  const next = random(20240601);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const fd = openSync(path, 'w');
  writeSync(
    fd,
    'id,name,lat,lon,postal_code,region,country,industry,employees,annual_revenue,potential,revenue,workload,owner,locked\n',
  );
  let chunk = '';
  for (let i = 0; i < count; i++) {
    // Every fifth name carries a comma, so it is quoted as real exports are.
    const name =
      i % 5 === 0
        ? `"${pick(WORDS)} ${pick(WORDS)}, ${pick(SUFFIXES)}"`
        : `${pick(WORDS)} ${pick(SUFFIXES)} ${i}`;
    const lat = (25 + next() * 24).toFixed(6);
    const lon = (-124 + next() * 57).toFixed(6);
    const employees = Math.floor(1 + next() ** 3 * 20000);
    const annualRevenue = Math.round(employees * (50000 + next() * 250000));
    const potential = Math.round(annualRevenue * 0.02 * next());
    const revenue = Math.round(potential * next());
    const workload = (1 + next() * 20).toFixed(2);
    const owner = `R${String(Math.floor(next() * 400)).padStart(4, '0')}`;
    const zip = String(Math.floor(next() * 99999)).padStart(5, '0');
    chunk +=
      `A${String(i).padStart(8, '0')},${name},${lat},${lon},${zip},${pick(REGIONS)},US,` +
      `${pick(INDUSTRIES)},${employees},${annualRevenue},${potential},${revenue},${workload},${owner},` +
      `${next() < 0.05 ? 'true' : 'false'}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
const file = join(dir, 'accounts.csv');
try {
  writeFile(file, rows);
  // The figure is a first import in a fresh process, as the CLI does it. Its CPU time (main
  // thread plus GC and compiler threads) says more than wall time on a busy machine, and a
  // second import in the same process shows how much of the first was JIT warm-up and heap growth.
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = await importAccountsCsv(createReadStream(file));
  const ms = Math.round(performance.now() - start);
  const cpu = process.cpuUsage(cpuStart);
  if (result.table.length !== rows) {
    throw new Error(`imported ${result.table.length} rows, expected ${rows}`);
  }
  // Read before the second import: maxRSS is a high-water mark.
  const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  const warmStart = performance.now();
  await importAccountsCsv(createReadStream(file));
  const warmMs = Math.round(performance.now() - warmStart);
  console.log(
    JSON.stringify({
      name: 'import accounts CSV',
      rows,
      ms,
      peakRssMB,
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      warmMs,
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
