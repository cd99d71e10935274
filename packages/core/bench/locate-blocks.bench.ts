// Times locateAccounts of generated US accounts in the us-atlas counties and states:
//   pnpm --filter @tessera/core build && node packages/core/bench/locate-blocks.bench.ts [rows]
// Prints one JSON line per geography: {"name":"locate in counties","rows":N,"ms":…,"peakRssMB":…}
// (@tessera/sample-data depends on core, so the accounts are drawn here: 80% around the 30
// largest metros, 20% anywhere in the contiguous US box, which puts a fifth of them in the sea,
// Canada or Mexico, far from any county: a hard case for the nearest-block path. A third run
// draws them all around the metros, where few fall offshore, as with real addresses.)
import { createRandom, locateAccounts, usCounties, usStates, type BlockSet } from '@tessera/core';

const rows = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(rows) || rows <= 0) {
  console.error(`rows must be a positive integer, got "${process.argv[2] ?? ''}"`);
  process.exit(1);
}
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
const random = createRandom('locate-blocks-bench');

/** `rows` accounts: around the metros, and a `spread` share anywhere in the contiguous US box. */
function accounts(spread: number): { lon: Float64Array; lat: Float64Array } {
  const lat = new Float64Array(rows);
  const lon = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    if (random.next() < spread) {
      lat[i] = 25 + random.next() * 24;
      lon[i] = -124 + random.next() * 57;
    } else {
      const [metroLat, metroLon] = metros[random.int(metros.length)]!;
      lat[i] = metroLat + random.normal() * 0.6;
      lon[i] = metroLon + random.normal() * 0.8;
    }
  }
  return { lon, lat };
}

async function time(
  name: string,
  load: () => Promise<BlockSet>,
  { lon, lat }: { lon: Float64Array; lat: Float64Array },
): Promise<void> {
  const loadStart = performance.now();
  const blocks = await load();
  const loadMs = performance.now() - loadStart;
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

const mixed = accounts(0.2);
const metroOnly = accounts(0);
await time('locate in counties', usCounties, mixed);
await time('locate in states', usStates, mixed);
await time('locate in counties (metros only)', usCounties, metroOnly);
