import { AccountTable, RepTable, type AccountInput, type RepInput } from '@tessera/core';
import fc from 'fast-check';
import type { ConformanceDataset } from './datasets.js';

/** A dataset as plain rows: what fast-check generates, shrinks and prints on a failure. */
export interface DatasetRows {
  accounts: AccountInput[];
  reps: RepInput[];
}

export interface DatasetArbitraryOptions {
  /** At most this many accounts (default 40). */
  maxAccounts?: number;
  /** At most this many reps (default 6). */
  maxReps?: number;
}

const INDUSTRIES = ['healthcare', 'finance', 'retail'] as const;
const SKILLS = ['industry:healthcare', 'industry:finance', 'segment:enterprise', 'lang:es'];
/** A few fixed places, so generated data has shared points and exact ties. */
const PLACES = [
  { lat: 40.71, lon: -74.01 },
  { lat: 41.88, lon: -87.63 },
  { lat: 0, lon: 0 },
  { lat: -33.87, lon: 151.21 },
];

/** Shared codes (one with a leading zero, as a number parser would lose it) and a blank cell. */
const POSTAL_CODES = ['10001', '02139', '60606', ''];

const place = fc.oneof(
  fc.constantFrom(...PLACES),
  fc.record({
    lat: fc.double({ min: -89, max: 89, noNaN: true, noDefaultInfinity: true }),
    lon: fc.double({ min: -180, max: 180, noNaN: true, noDefaultInfinity: true }),
  }),
);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });

const repShape = fc.record({
  home: optional(place),
  capacity: optional(fc.oneof(fc.integer({ min: 1, max: 500 }), fc.constant(0))),
  skills: fc.subarray(SKILLS),
  level: optional(fc.integer({ min: 1, max: 4 })),
});

const accountShape = fc.record({
  place: optional(place),
  workload: optional(
    fc.oneof(fc.constant(0), fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true })),
  ),
  potential: optional(fc.integer({ min: 0, max: 100_000 })),
  /** Picks the owner: one of the reps, a rep who left, or nobody. */
  owner: fc.nat(),
  locked: fc.boolean(),
  industry: optional(fc.constantFrom(...INDUSTRIES)),
  region: optional(fc.constantFrom('east', 'west')),
  postalCode: optional(fc.constantFrom(...POSTAL_CODES)),
  employees: optional(fc.integer({ min: 1, max: 20_000 })),
});

/**
 * Small random datasets: accounts with and without coordinates, workloads (some zero or
 * missing), owners (current, departed or none), locks and postal codes (some blank or
 * missing); reps with and without home bases and capacities. Shrinks towards fewer rows.
 */
export function datasetArbitrary(options: DatasetArbitraryOptions = {}): fc.Arbitrary<DatasetRows> {
  const { maxAccounts = 40, maxReps = 6 } = options;
  return fc
    .tuple(
      fc.array(repShape, { maxLength: maxReps }),
      fc.array(accountShape, { maxLength: maxAccounts }),
    )
    .map(([repShapes, accountShapes]) => {
      const reps: RepInput[] = repShapes.map((r, j) => ({
        id: `r${j + 1}`,
        lat: r.home?.lat ?? null,
        lon: r.home?.lon ?? null,
        capacity: r.capacity,
        skills: r.skills,
        level: r.level,
      }));
      const owners = [...reps.map((r) => r.id), 'departed', null];
      const accounts: AccountInput[] = accountShapes.map((a, i) => ({
        id: `a${i + 1}`,
        lat: a.place?.lat ?? null,
        lon: a.place?.lon ?? null,
        workload: a.workload,
        potential: a.potential,
        owner: owners[a.owner % owners.length]!,
        locked: a.locked,
        industry: a.industry,
        region: a.region,
        postalCode: a.postalCode,
        employees: a.employees,
      }));
      return { accounts, reps };
    });
}

/** Builds the tables of generated rows. */
export function datasetFromRows(rows: DatasetRows): ConformanceDataset {
  return {
    description: `${rows.accounts.length} generated accounts, ${rows.reps.length} reps`,
    accounts: AccountTable.fromRows(rows.accounts),
    reps: RepTable.fromRows(rows.reps),
  };
}
