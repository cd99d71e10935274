// Times locateAccounts of generated US accounts in the us-atlas counties and states:
//   pnpm --filter @tessera/core build && node packages/core/bench/locate-blocks.bench.ts [rows]
// Prints one JSON line per case: {"name":"locate in counties","rows":N,"ms":…,"peakRssMB":…}
// (@tessera/sample-data depends on core, so the accounts are drawn here, each in the box of a
// random county: dense where counties are small, as people are in the east, and some in the sea
// or across a border where a coastal county's box reaches. The mixed case draws a fifth of them
// anywhere in the contiguous US box instead, which puts them in the sea, Canada or Mexico, far
// from any county: the hard case for the nearest-block path.)
import { createRandom, locateAccounts, usCounties, usStates, type BlockSet } from '@tessera/core';

const rows = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(rows) || rows <= 0) {
  console.error(`rows must be a positive integer, got "${process.argv[2] ?? ''}"`);
  process.exit(1);
}
const runs = 5;
const random = createRandom('locate-blocks-bench');

interface Accounts {
  lon: Float64Array;
  lat: Float64Array;
}

/** `rows` accounts in the boxes of random counties, and a `spread` share anywhere in the US box. */
function accounts(counties: BlockSet, spread: number): Accounts {
  const { coords, ringStart, partRingStart, blockPartStart } = counties.polygons;
  const lat = new Float64Array(rows);
  const lon = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    if (random.next() < spread) {
      lat[i] = 25 + random.next() * 24;
      lon[i] = -124 + random.next() * 57;
      continue;
    }
    const county = random.int(counties.length);
    const ring = partRingStart[blockPartStart[county]!]!;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let p = ringStart[ring]!; p < ringStart[ring + 1]!; p++) {
      minX = Math.min(minX, coords[2 * p]!);
      maxX = Math.max(maxX, coords[2 * p]!);
      minY = Math.min(minY, coords[2 * p + 1]!);
      maxY = Math.max(maxY, coords[2 * p + 1]!);
    }
    lon[i] = minX + random.next() * (maxX - minX);
    lat[i] = minY + random.next() * (maxY - minY);
  }
  return { lon, lat };
}

function time(name: string, blocks: BlockSet, loadMs: number, { lon, lat }: Accounts): void {
  // The first call also builds the point-query grids and indexes.
  const firstStart = performance.now();
  let located = locateAccounts(lon, lat, blocks);
  const firstMs = performance.now() - firstStart;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    located = locateAccounts(lon, lat, blocks);
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  const ms = Math.round(times[Math.floor(runs / 2)]! * 10) / 10;
  const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    JSON.stringify({
      name,
      rows,
      ms,
      peakRssMB,
      blocks: blocks.length,
      loadMs: Math.round(loadMs),
      firstMs: Math.round(firstMs),
      nearest: located.nearest,
    }),
  );
}

async function load(read: () => Promise<BlockSet>): Promise<[BlockSet, number]> {
  const start = performance.now();
  const blocks = await read();
  return [blocks, performance.now() - start];
}

const [counties, countiesMs] = await load(usCounties);
const [states, statesMs] = await load(usStates);
const inCounties = accounts(counties, 0);
const mixed = accounts(counties, 0.2);
time('locate in counties', counties, countiesMs, inCounties);
time('locate in states', states, statesMs, inCounties);
time('locate in counties (1/5 off in the box)', counties, 0, mixed);
