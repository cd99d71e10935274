import {
  AccountTable,
  createRandom,
  RepTable,
  type AccountInput,
  type Random,
  type RepInput,
} from '@tessera/core';

/** One input the conformance suite runs a plugin on. */
export interface ConformanceDataset {
  readonly description: string;
  readonly accounts: AccountTable;
  readonly reps: RepTable;
  /**
   * Locks to pass as `ctx.locks` instead of the accounts' `locked` column; set only where the
   * two differ, to catch a plugin that reads the column rather than the context.
   */
  readonly locks?: Uint8Array;
}

/** The datasets of the suite, by name; every one is built by hand from a fixed seed. */
export interface ConformanceDatasets {
  /** A few hundred accounts in metro clusters, with every column, owners, locks and gaps. */
  readonly standard: ConformanceDataset;
  /** Locked accounts owned by a rep on the other coast: any balancing would want to move them. */
  readonly locked: ConformanceDataset;
  /** As `locked`, but the locks come only through `ctx.locks`: the column says "unlocked". */
  readonly explicitLocks: ConformanceDataset;
  /** Enough work that a strategy is still running when the suite aborts it. */
  readonly large: ConformanceDataset;
  /**
   * Exact ties everywhere: stacked accounts of equal workload, reps sharing a home base or
   * exactly as far from the accounts as each other, equal capacities. A strategy that breaks
   * a tie by chance (`Math.random`) or by timing gives another plan on every run.
   */
  readonly ties: ConformanceDataset;
  readonly empty: ConformanceDataset;
  readonly oneAccount: ConformanceDataset;
  readonly oneRep: ConformanceDataset;
  readonly moreRepsThanAccounts: ConformanceDataset;
  readonly noCoordinates: ConformanceDataset;
  readonly onePoint: ConformanceDataset;
  readonly zeroWorkloads: ConformanceDataset;
}

/** Accounts in the dataset the suite aborts: sized so balanced solvers need well over 100 ms. */
export const LARGE_ACCOUNTS = 60_000;

interface Metro {
  lat: number;
  lon: number;
  region: string;
  postal: string;
}

const METROS: readonly Metro[] = [
  { lat: 40.71, lon: -74.01, region: 'northeast', postal: '100' },
  { lat: 41.88, lon: -87.63, region: 'midwest', postal: '606' },
  { lat: 32.78, lon: -96.8, region: 'south', postal: '752' },
  { lat: 33.75, lon: -84.39, region: 'south', postal: '303' },
  { lat: 39.74, lon: -104.99, region: 'west', postal: '802' },
  { lat: 47.61, lon: -122.33, region: 'west', postal: '981' },
  { lat: 34.05, lon: -118.24, region: 'west', postal: '900' },
];

const INDUSTRIES = ['healthcare', 'finance', 'retail', 'manufacturing', 'software'] as const;
const SEGMENTS = ['smb', 'midmarket', 'enterprise'] as const;

const pick = <T>(random: Random, items: readonly T[]): T => items[random.int(items.length)]!;
const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** Reps based in the metros (in order, cycling), with capacities, skills and levels. */
function metroReps(random: Random, count: number, prefix = 'r'): RepInput[] {
  return Array.from({ length: count }, (_, j) => {
    const metro = METROS[j % METROS.length]!;
    return {
      id: `${prefix}${j + 1}`,
      name: `Rep ${j + 1}`,
      lat: metro.lat,
      lon: metro.lon,
      capacity: 60 + random.int(120),
      skills: [`industry:${pick(random, INDUSTRIES)}`, `segment:${pick(random, SEGMENTS)}`],
      level: 1 + random.int(4),
    };
  });
}

/**
 * An account near a metro with every column filled in the way real imports are: workloads
 * skewed, a few missing or zero, owners that are current, departed or absent, postal codes
 * with gaps.
 */
function metroAccount(random: Random, i: number, repIds: readonly string[]): AccountInput {
  const metro = pick(random, METROS);
  const employees = Math.floor(Math.exp(random.next() * 9));
  const draw = random.next();
  const owner =
    draw < 0.7 && repIds.length > 0 ? pick(random, repIds) : draw < 0.8 ? 'departed' : null;
  const workloadDraw = random.next();
  return {
    id: `a${i + 1}`,
    name: `Account ${i + 1}`,
    lat: round(metro.lat + random.normal() * 1.2, 5),
    lon: round(metro.lon + random.normal() * 1.5, 5),
    postalCode: postalCode(i, `${metro.postal}${String(random.int(100)).padStart(2, '0')}`),
    region: metro.region,
    country: 'US',
    industry: pick(random, INDUSTRIES),
    employees,
    annualRevenue: employees * 150_000,
    potential: round(1_000 + random.next() * 50_000, 2),
    revenue: round(random.next() * 20_000, 2),
    // Skewed like real books of business; some rows blank and some zero.
    workload:
      workloadDraw < 0.03
        ? null
        : workloadDraw < 0.06
          ? 0
          : round(1 + Math.abs(random.normal()) * 6, 3),
    owner,
    locked: owner !== null && random.next() < 0.1,
  };
}

/**
 * The account's postal code, or a gap for about one row in nine: blank (`''`, as an empty CSV
 * cell arrives) or missing. Chosen by row, not drawn, so the other columns keep their values.
 */
function postalCode(i: number, code: string): string | null {
  return i % 17 === 5 ? '' : i % 19 === 7 ? null : code;
}

function clustered(seed: string, accounts: number, reps: number): ConformanceDataset {
  const random = createRandom(seed);
  const repRows = metroReps(random, reps);
  // One rep works remotely: no home base, no capacity.
  repRows.push({ id: `r${reps + 1}`, name: 'Remote rep', skills: ['lang:es'] });
  const repIds = repRows.map((r) => r.id);
  const accountRows = Array.from({ length: accounts }, (_, i) => metroAccount(random, i, repIds));
  // A few accounts have not been geocoded.
  for (let i = 0; i < accountRows.length; i += 23) {
    accountRows[i] = { ...accountRows[i]!, lat: null, lon: null };
  }
  return {
    description: `${accounts} accounts around ${METROS.length} metros, ${repRows.length} reps`,
    accounts: AccountTable.fromRows(accountRows, accounts),
    reps: RepTable.fromRows(repRows),
  };
}

/** New York accounts, most of them locked to a Los Angeles rep. */
function lockedAcrossTheCountry(viaContext: boolean): ConformanceDataset {
  const random = createRandom('conformance:locked');
  const reps = RepTable.fromRows([
    { id: 'ny', lat: 40.71, lon: -74.01, capacity: 100 },
    { id: 'ny2', lat: 40.73, lon: -73.99, capacity: 100 },
    { id: 'la', lat: 34.05, lon: -118.24, capacity: 100 },
    { id: 'remote', capacity: 100 },
  ]);
  const rows: AccountInput[] = Array.from({ length: 120 }, (_, i) => ({
    id: `ny-${i + 1}`,
    lat: round(40.71 + random.normal() * 0.3, 5),
    lon: round(-74.01 + random.normal() * 0.3, 5),
    workload: 1 + random.int(5),
    region: 'northeast',
    industry: pick(random, INDUSTRIES),
    owner: i % 3 === 0 ? 'la' : i % 3 === 1 ? 'remote' : 'ny',
    locked: !viaContext && i % 3 !== 2,
  }));
  const accounts = AccountTable.fromRows(rows);
  const locks = Uint8Array.from(rows, (_, i) => (i % 3 !== 2 ? 1 : 0));
  return viaContext
    ? {
        description: '120 New York accounts; 80 locked to far-away owners through ctx.locks only',
        accounts,
        reps,
        locks,
      }
    : {
        description: '120 New York accounts; 80 locked to far-away owners (locked column)',
        accounts,
        reps,
      };
}

/** Accounts spread over the lower 48 around the metros and in between, with owners. */
function large(): ConformanceDataset {
  const random = createRandom('conformance:large');
  const repRows = metroReps(random, 40);
  const repIds = repRows.map((r) => r.id);
  const accountRows = new Array<AccountInput>(LARGE_ACCOUNTS);
  for (let i = 0; i < LARGE_ACCOUNTS; i++) {
    const account = metroAccount(random, i, repIds);
    if (i % 4 === 0) {
      // a quarter of the accounts away from the metros, in the rural gaps
      account.lat = round(26 + random.next() * 22, 5);
      account.lon = round(-123 + random.next() * 53, 5);
    }
    accountRows[i] = account;
  }
  return {
    description: `${LARGE_ACCOUNTS} accounts across the US, 40 reps`,
    accounts: AccountTable.fromRows(accountRows, LARGE_ACCOUNTS),
    reps: RepTable.fromRows(repRows),
  };
}

/**
 * Greenwich accounts with two reps a degree of longitude either side (on one parallel, so the
 * two distances are equal to the last bit under any great-circle formula), and Manchester
 * accounts with two reps sharing an office there. Every workload, size and capacity is equal.
 */
function ties(): ConformanceDataset {
  const greenwich = { lat: 51.48, lon: 0 };
  const manchester = { lat: 53.48, lon: -2.24 };
  const reps = RepTable.fromRows([
    { id: 'west', lat: greenwich.lat, lon: -1, capacity: 30 },
    { id: 'east', lat: greenwich.lat, lon: 1, capacity: 30 },
    { id: 'mcr-1', ...manchester, capacity: 30 },
    { id: 'mcr-2', ...manchester, capacity: 30 },
  ]);
  const rows: AccountInput[] = Array.from({ length: 60 }, (_, i) => ({
    id: `t${i + 1}`,
    ...(i % 2 === 0 ? greenwich : manchester),
    postalCode: i % 2 === 0 ? 'SE10' : i % 6 === 1 ? '' : 'M1',
    region: 'uk',
    country: 'GB',
    industry: 'software',
    employees: 250,
    potential: 10_000,
    revenue: 5_000,
    workload: 2,
  }));
  return {
    description: '60 accounts stacked on two points, each point with two equally near reps',
    accounts: AccountTable.fromRows(rows),
    reps,
  };
}

function awkward(description: string, accounts: AccountInput[], reps: RepInput[]) {
  return { description, accounts: AccountTable.fromRows(accounts), reps: RepTable.fromRows(reps) };
}

/**
 * The datasets the conformance suite runs on, built fresh on every call so a test may not
 * leak changes into another. Reuse them in a plugin's own tests.
 */
export function conformanceDatasets(): ConformanceDatasets {
  const random = createRandom('conformance:awkward');
  const threeReps = metroReps(random, 3);
  const accountsAt = (count: number, place?: { lat: number; lon: number }) =>
    Array.from({ length: count }, (_, i) => ({
      ...metroAccount(random, i, ['r1', 'r2', 'r3']),
      ...(place ?? {}),
    }));
  return {
    standard: clustered('conformance:standard', 240, 7),
    locked: lockedAcrossTheCountry(false),
    explicitLocks: lockedAcrossTheCountry(true),
    large: large(),
    ties: ties(),
    empty: awkward('no accounts and no reps', [], []),
    oneAccount: awkward('one account, three reps', accountsAt(1), threeReps),
    oneRep: awkward('50 accounts, one rep', accountsAt(50), [threeReps[0]!]),
    moreRepsThanAccounts: awkward(
      '4 accounts, 12 reps',
      accountsAt(4),
      metroReps(createRandom('conformance:many-reps'), 12),
    ),
    noCoordinates: awkward(
      '40 accounts and 3 reps, none with coordinates',
      accountsAt(40).map((a) => ({ ...a, lat: null, lon: null })),
      threeReps.map((r) => ({ ...r, lat: null, lon: null })),
    ),
    onePoint: awkward(
      '60 accounts and 3 reps all at one point',
      accountsAt(60, { lat: 41.88, lon: -87.63 }),
      threeReps.map((r) => ({ ...r, lat: 41.88, lon: -87.63 })),
    ),
    zeroWorkloads: awkward(
      '60 accounts whose workload is 0',
      accountsAt(60).map((a) => ({ ...a, workload: 0 })),
      threeReps,
    ),
  };
}
