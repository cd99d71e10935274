import type { RepTable } from '@tessera/core';
import type { AtomSet } from './atoms.js';
import { arcKm } from './candidates.js';
import { hungarian } from './hungarian.js';

/** Above this many territories or reps the matching is greedy instead of exact (O(n³)). */
const EXACT_MATCHING_LIMIT = 300;
/** In the greedy matching each rep considers its cheapest this many territories first. */
const GREEDY_CHOICES = 16;
/** Above this many (locked atom, territory) pairs, locked accounts count from their rep's centroid. */
const EXACT_LOCK_PAIRS = 1_000_000;

/** Which rep leads which territory. */
export interface RepLeaders {
  /** Rep row of each territory's leader, or -1 (unstaffed). */
  territoryRep: Int32Array;
  /** Territory each rep leads, or -1 (the rep leads nothing). */
  territoryOfRep: Int32Array;
}

/** Reps who hold locked accounts: they must lead a territory or their locks cannot hold. */
export function repsWithLocks(atoms: AtomSet, repCount: number): Uint8Array {
  const out = new Uint8Array(repCount);
  for (let a = 0; a < atoms.count; a++) {
    const r = atoms.lockRep[a]!;
    if (r >= 0) out[r] = 1;
  }
  return out;
}

/** Rep home bases as unit vectors (NaN when a rep has none). */
export function repHomes(reps: RepTable): Float64Array {
  const homes = new Float64Array(3 * reps.length).fill(Number.NaN);
  for (let r = 0; r < reps.length; r++) {
    const lat = reps.lat[r]!;
    const lon = reps.lon[r]!;
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) continue;
    const phi = (lat * Math.PI) / 180;
    const lambda = (lon * Math.PI) / 180;
    homes[3 * r] = Math.cos(phi) * Math.cos(lambda);
    homes[3 * r + 1] = Math.cos(phi) * Math.sin(lambda);
    homes[3 * r + 2] = Math.sin(phi);
  }
  return homes;
}

export interface LeaderCosts {
  /** Territory centres (unit vectors; NaN: none yet). */
  centres: Float64Array;
  homes: Float64Array;
  /** Cost units (weight × km) per km between a rep's home and a territory's centre. */
  homeWeight: number;
  /** Located atoms locked to a rep: their distance to the centre counts against the pairing. */
  locked: AtomSet;
  /** Weight each rep currently owns, and how much of it sits in each territory (rep-major). */
  owned: Float64Array;
  ownedIn: Float64Array;
  /** Cost of moving one unit of owned weight away from its owner (continuity), 0 for none. */
  continuityCost: number;
  mustLead: Uint8Array;
}

/**
 * Pairs reps with territories at least cost, where pairing rep r with territory t costs: the
 * distance from t's centre to r's locked accounts (they will be pinned there), the weight r owns
 * outside t × the continuity cost, and the distance from r's home to t's centre × homeWeight.
 * With fewer territories than reps, the reps left over lead nothing, but never a rep holding
 * locked accounts; with more, the extra territories are unstaffed. Exact (Hungarian method) up
 * to 300 territories or reps, greedy beyond.
 */
export function matchLeaders(k: number, repCount: number, costs: LeaderCosts): RepLeaders {
  const m = repCount;
  const pair = pairCosts(k, m, costs);
  const territoryRep = new Int32Array(k).fill(-1);
  const territoryOfRep = new Int32Array(m).fill(-1);
  const n = Math.max(k, m);
  // Leaving a rep who holds locked accounts without a territory must never be worth it.
  let largest = 0;
  for (let i = 0; i < pair.length; i++) largest = Math.max(largest, pair[i]!);
  for (let r = 0; r < m; r++) largest = Math.max(largest, costs.continuityCost * costs.owned[r]!);
  const forbidden = (largest + 1) * 4 * (n + 1);
  const leaveCost = (r: number): number =>
    costs.mustLead[r] === 1 ? forbidden : costs.continuityCost * costs.owned[r]!;
  if (n === 0) return { territoryRep, territoryOfRep };
  if (n <= EXACT_MATCHING_LIMIT) {
    const matrix = new Float64Array(n * n);
    for (let t = 0; t < n; t++) {
      for (let r = 0; r < n; r++) {
        let c = 0;
        if (t < k && r < m) c = pair[r * k + t]!;
        else if (t >= k && r < m) c = leaveCost(r);
        matrix[t * n + r] = c;
      }
    }
    const match = hungarian(matrix, n);
    for (let t = 0; t < k; t++) {
      const r = match[t]!;
      if (r < m) {
        territoryRep[t] = r;
        territoryOfRep[r] = t;
      }
    }
    return { territoryRep, territoryOfRep };
  }
  // Greedy: every rep's cheapest few territories, reps who must lead first, then by the gain
  // over leading nothing; a rep still without a territory takes the cheapest one left when it
  // must lead or when there are territories enough for everyone.
  const choices: number[] = [];
  const best = new Int32Array(GREEDY_CHOICES);
  for (let r = 0; r < m; r++) {
    const count = cheapest(pair, r * k, k, best);
    for (let j = 0; j < count; j++) choices.push(r * k + best[j]!);
  }
  const gain = (i: number): number => pair[i]! - leaveCost(Math.floor(i / k));
  choices.sort((a, b) => {
    const ma = costs.mustLead[Math.floor(a / k)]!;
    const mb = costs.mustLead[Math.floor(b / k)]!;
    return mb - ma || gain(a) - gain(b) || a - b;
  });
  const take = (r: number, t: number): void => {
    territoryRep[t] = r;
    territoryOfRep[r] = t;
  };
  for (const i of choices) {
    const r = Math.floor(i / k);
    const t = i - r * k;
    if (territoryRep[t] === -1 && territoryOfRep[r] === -1) take(r, t);
  }
  for (let r = 0; r < m; r++) {
    if (territoryOfRep[r] !== -1 || (costs.mustLead[r] === 0 && k < m)) continue;
    let free = -1;
    for (let t = 0; t < k; t++) {
      if (territoryRep[t] === -1 && (free < 0 || pair[r * k + t]! < pair[r * k + free]!)) free = t;
    }
    if (free >= 0) take(r, free);
  }
  return { territoryRep, territoryOfRep };
}

/** The indexes of the (up to) `out.length` smallest of row[from .. from + k), cheapest first. */
function cheapest(row: Float64Array, from: number, k: number, out: Int32Array): number {
  let count = 0;
  for (let t = 0; t < k; t++) {
    const v = row[from + t]!;
    if (count === out.length && !(v < row[from + out[count - 1]!]!)) continue;
    let s = count < out.length ? count++ : count - 1;
    while (s > 0 && row[from + out[s - 1]!]! > v) {
      out[s] = out[s - 1]!;
      s--;
    }
    out[s] = t;
  }
  return count;
}

function pairCosts(k: number, m: number, costs: LeaderCosts): Float64Array {
  const { centres, homes, homeWeight, locked, owned, ownedIn, continuityCost } = costs;
  const pair = new Float64Array(m * k);
  const km = (a: Float64Array, i: number, t: number): number => {
    const q = 3 * t;
    if (Number.isNaN(a[3 * i]!) || Number.isNaN(centres[q]!)) return 0;
    return arcKm(
      a[3 * i]!,
      a[3 * i + 1]!,
      a[3 * i + 2]!,
      centres[q]!,
      centres[q + 1]!,
      centres[q + 2]!,
    );
  };
  for (let r = 0; r < m; r++) {
    for (let t = 0; t < k; t++) {
      pair[r * k + t] =
        homeWeight * km(homes, r, t) + continuityCost * (owned[r]! - ownedIn[r * k + t]!);
    }
  }
  if (locked.count * k <= EXACT_LOCK_PAIRS) {
    for (let a = 0; a < locked.count; a++) {
      const r = locked.lockRep[a]!;
      const v = [locked.x[a]!, locked.y[a]!, locked.z[a]!];
      const here = Float64Array.from(v);
      for (let t = 0; t < k; t++) pair[r * k + t]! += locked.w[a]! * km(here, 0, t);
    }
  } else {
    const sums = new Float64Array(3 * m);
    const weight = new Float64Array(m);
    for (let a = 0; a < locked.count; a++) {
      const r = locked.lockRep[a]!;
      sums[3 * r]! += locked.sx[a]!;
      sums[3 * r + 1]! += locked.sy[a]!;
      sums[3 * r + 2]! += locked.sz[a]!;
      weight[r]! += locked.w[a]!;
    }
    for (let r = 0; r < m; r++) {
      const norm = Math.hypot(sums[3 * r]!, sums[3 * r + 1]!, sums[3 * r + 2]!);
      if (!(norm > 0)) continue;
      const here = Float64Array.of(
        sums[3 * r]! / norm,
        sums[3 * r + 1]! / norm,
        sums[3 * r + 2]! / norm,
      );
      for (let t = 0; t < k; t++) pair[r * k + t]! += weight[r]! * km(here, 0, t);
    }
  }
  return pair;
}
