// A small dataset for tests: two metros (New York, Chicago), four reps, sixty accounts.
import { AccountTable, createRandom, RepTable, type AccountInput } from '@tessera/core';
import type { Dataset } from '../dataset/dataset.js';

const CITIES = [
  { region: 'East', lat: 40.71, lon: -74.01, reps: ['ny1', 'ny2'] },
  { region: 'Midwest', lat: 41.88, lon: -87.63, reps: ['chi1', 'chi2'] },
] as const;
const INDUSTRIES = ['healthcare', 'retail', 'software'] as const;

/** 30 accounts around each city, owned round-robin by its two reps; seeded, so stable. */
export function twoCities(seed = 1): Dataset {
  const random = createRandom(seed);
  const accounts: AccountInput[] = [];
  for (const city of CITIES) {
    for (let k = 0; k < 30; k++) {
      accounts.push({
        id: `${city.region === 'East' ? 'e' : 'm'}${String(k).padStart(2, '0')}`,
        lat: city.lat + (random.next() - 0.5) * 1.2,
        lon: city.lon + (random.next() - 0.5) * 1.6,
        region: city.region,
        industry: INDUSTRIES[k % 3]!,
        employees: 20 + Math.floor(random.next() * 3000),
        potential: 1000 + Math.round(random.next() * 9000),
        revenue: Math.round(random.next() * 3000),
        workload: 5 + Math.round(random.next() * 10),
        owner: city.reps[k % 2]!,
      });
    }
  }
  const reps = RepTable.fromRows(
    CITIES.flatMap((city) =>
      city.reps.map((id, r) => ({
        id,
        name: `Rep ${id}`,
        lat: city.lat + r * 0.1,
        lon: city.lon - r * 0.1,
        capacity: 300,
        skills: [`industry:${INDUSTRIES[r]!}`],
        level: 2,
      })),
    ),
  );
  return { accounts: AccountTable.fromRows(accounts), reps };
}
