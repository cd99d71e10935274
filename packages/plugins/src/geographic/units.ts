import { TesseraError, type AccountTable, type RepTable } from '@tessera/core';
import { allocateAtoms, normalizeAtoms, type AtomSet } from './atoms.js';
import type { Pacer } from './pacer.js';

const RAD = Math.PI / 180;

/** The accounts grouped into atoms, and which atom each account belongs to. */
export interface AccountAtoms {
  atoms: AtomSet;
  atomOf: Int32Array;
  /** Units whose accounts are locked to different reps, so they had to be split. */
  splitUnits: number;
}

const CATEGORY_ALIASES: Record<string, 'postalCode' | 'region' | 'country' | 'industry' | 'owner'> =
  {
    postal_code: 'postalCode',
    postalcode: 'postalCode',
    zip: 'postalCode',
    zip_code: 'postalCode',
    region: 'region',
    country: 'country',
    industry: 'industry',
    owner: 'owner',
  };

const MEASURE_ALIASES: Record<string, 'employees' | 'annualRevenue' | 'potential' | 'revenue'> = {
  employees: 'employees',
  annual_revenue: 'annualRevenue',
  annualrevenue: 'annualRevenue',
  potential: 'potential',
  revenue: 'revenue',
};

function normalizeName(name: string): string {
  return name
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** The groups of a `units` column: a code per account (-1: no value) and each code's value. */
export interface UnitGroups {
  codes: Int32Array;
  valueOf(code: number): string;
}

/**
 * The group of every account under an account column (`-1`: no value, the account is a unit of
 * its own). Contract columns are found by their CSV name or alias, extra columns by header.
 */
export function unitGroups(accounts: AccountTable, name: string): UnitGroups {
  const key = normalizeName(name);
  const category = CATEGORY_ALIASES[key];
  const extra =
    accounts.attributes.get(name) ??
    [...accounts.attributes].find(([header]) => normalizeName(header) === key)?.[1];
  const column = category ? accounts[category] : extra;
  if (column) return { codes: column.codes, valueOf: (code) => column.dictionary[code] ?? '' };
  const measure = MEASURE_ALIASES[key];
  if (measure) {
    const values = accounts[measure];
    const codes = new Int32Array(values.length);
    const seen = new Map<number, number>();
    const distinct: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (Number.isNaN(v)) {
        codes[i] = -1;
        continue;
      }
      let code = seen.get(v);
      if (code === undefined) {
        code = distinct.length;
        seen.set(v, code);
        distinct.push(v);
      }
      codes[i] = code;
    }
    return { codes, valueOf: (code) => String(distinct[code] ?? '') };
  }
  const known = ['postal_code', 'region', 'country', 'industry', ...accounts.attributes.keys()];
  throw new TesseraError(
    'INVALID_PARAMS',
    `strategy "geographic": parameter "units": no account column "${name}" (known: ${known.join(', ')})`,
  );
}

/** For each account, its current owner's row in the rep table (-1: none or a rep who left). */
export function ownerReps(accounts: AccountTable, reps: RepTable): Int32Array {
  const byCode = Int32Array.from(accounts.owner.dictionary, (id) => reps.indexOf(id));
  const out = new Int32Array(accounts.length);
  for (let i = 0; i < out.length; i++) {
    const code = accounts.owner.codes[i]!;
    out[i] = code < 0 ? -1 : byCode[code]!;
  }
  return out;
}

/**
 * Groups accounts into the atoms the solver places whole. Without units every account is an
 * atom. With units, the accounts sharing a value form one atom; accounts without a value are
 * atoms of their own. A lock is stronger than a unit: when a unit holds accounts locked to
 * different reps, each rep's locked accounts form their own atom and the unit's free accounts
 * join the rep holding most of the locked weight.
 */
export async function buildAtoms(
  accounts: AccountTable,
  reps: RepTable,
  locks: Uint8Array,
  load: Float64Array,
  weight: Float64Array,
  groups: Int32Array | null,
  pacer: Pacer,
): Promise<AccountAtoms> {
  const n = accounts.length;
  const owner = ownerReps(accounts, reps);
  await pacer.pace();
  const lockRep = new Int32Array(n);
  for (let i = 0; i < n; i++) lockRep[i] = locks[i] === 1 ? owner[i]! : -1;
  await pacer.pace();

  let atomOf: Int32Array;
  let count: number;
  let splitUnits = 0;
  if (groups === null) {
    atomOf = new Int32Array(n);
    for (let i = 0; i < n; i++) atomOf[i] = i;
    count = n;
  } else {
    ({ atomOf, count, splitUnits } = groupAtoms(groups, lockRep, weight, reps.length));
  }

  await pacer.pace();
  const atoms = allocateAtoms(count);
  const ownerWeights = groups === null ? null : new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if ((i & 16383) === 16383) await pacer.pace();
    const a = atomOf[i]!;
    const w = weight[i]!;
    atoms.b[a]! += load[i]!;
    if (lockRep[i]! >= 0) atoms.lockRep[a] = lockRep[i]!;
    const lat = accounts.lat[i]!;
    const lon = accounts.lon[i]!;
    if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
      const c = Math.cos(lat * RAD);
      atoms.sx[a]! += w * c * Math.cos(lon * RAD);
      atoms.sy[a]! += w * c * Math.sin(lon * RAD);
      atoms.sz[a]! += w * Math.sin(lat * RAD);
      atoms.w[a]! += w;
    }
    const o = owner[i]!;
    if (o < 0) continue;
    if (ownerWeights === null) {
      atoms.ownerRep[a] = o;
      atoms.ownerW[a] = w;
    } else {
      // Key (atom, rep) → weight; the owner holding most weight wins, ties to the lower rep.
      const key = a * (reps.length + 1) + o;
      const held = (ownerWeights.get(key) ?? 0) + w;
      ownerWeights.set(key, held);
      const best = atoms.ownerRep[a]!;
      if (best < 0 || held > atoms.ownerW[a]! || (held === atoms.ownerW[a]! && o < best)) {
        atoms.ownerRep[a] = o;
        atoms.ownerW[a] = held;
      }
    }
  }
  await pacer.pace();
  normalizeAtoms(atoms);
  return { atoms, atomOf, splitUnits };
}

function groupAtoms(
  groups: Int32Array,
  lockRep: Int32Array,
  weight: Float64Array,
  repCount: number,
): { atomOf: Int32Array; count: number; splitUnits: number } {
  const n = groups.length;
  // The rep holding most locked weight in each group leads its free accounts.
  const lockedWeight = new Map<number, number>();
  const leader = new Map<number, number>();
  const lockOwners = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const g = groups[i]!;
    const r = lockRep[i]!;
    if (g < 0 || r < 0) continue;
    const key = g * (repCount + 1) + r;
    const held = (lockedWeight.get(key) ?? 0) + weight[i]! + 1e-300;
    if (!lockedWeight.has(key)) lockOwners.set(g, (lockOwners.get(g) ?? 0) + 1);
    lockedWeight.set(key, held);
    const best = leader.get(g);
    const bestHeld = best === undefined ? -1 : lockedWeight.get(g * (repCount + 1) + best)!;
    if (best === undefined || held > bestHeld || (held === bestHeld && r < best)) leader.set(g, r);
  }
  let splitUnits = 0;
  for (const owners of lockOwners.values()) if (owners > 1) splitUnits++;

  const atomOf = new Int32Array(n);
  const atomByKey = new Map<number, number>();
  let count = 0;
  for (let i = 0; i < n; i++) {
    const g = groups[i]!;
    if (g < 0) {
      atomOf[i] = count++;
      continue;
    }
    const r = lockRep[i]! >= 0 ? lockRep[i]! : (leader.get(g) ?? -1);
    const key = g * (repCount + 1) + (r + 1);
    let a = atomByKey.get(key);
    if (a === undefined) atomByKey.set(key, (a = count++));
    atomOf[i] = a;
  }
  return { atomOf, count, splitUnits };
}
