import type { Random, RepTable } from '@tessera/core';
import { SEGMENTS, type Segment } from './company-size.js';
import type { Place } from './place.js';

/**
 * How the historical owner was set, as shares of accounts. CRM owner fields are messy: most
 * accounts sit with a rep near them, some with whoever picked them up, some with nobody, and
 * some still name reps who have left.
 */
export const OWNER_MIX = {
  /** One of the three reps nearest to the account's place (60% / 25% / 15%). */
  nearby: 0.74,
  /** Any current rep. */
  random: 0.1,
  /** No owner at all. */
  none: 0.1,
  /** A rep id that is not in the rep table (someone who left). */
  departed: 0.06,
} as const;
/** Chance of the 1st, 2nd and 3rd nearest rep among "nearby" owners. */
export const NEARBY_RANK_SHARES: readonly number[] = [0.6, 0.25, 0.15];
/** Departed reps: this share of the current team (at least one), numbered after it. */
export const DEPARTED_REP_SHARE = 0.1;
/** Share of accounts owned by a current rep that are locked to that rep, by segment. */
export const LOCKED_SHARE: Readonly<Record<Segment, number>> = {
  smb: 0.01,
  midmarket: 0.04,
  enterprise: 0.15,
};

/** How many departed rep ids the owner column may name. */
export function departedRepCount(reps: number): number {
  return Math.max(1, Math.ceil(reps * DEPARTED_REP_SHARE));
}

export interface OwnerModelInput {
  places: readonly Place[];
  /** The place each account was drawn from. */
  accountPlace: Int32Array;
  /** Each account's segment, as an index into SEGMENTS. */
  accountSegment: Uint8Array;
  reps: RepTable;
  random: Random;
}

export interface OwnerAssignment {
  /**
   * Per account: -1 for no owner, 0..reps-1 for a current rep's row, and reps + k for the
   * k-th departed rep (whose id is the rep id numbered reps + k + 1).
   */
  owner: Int32Array;
  locked: Uint8Array;
}

/** Draws the messy historical owner and lock flag of every account. */
export function assignOwners(input: OwnerModelInput): OwnerAssignment {
  const { places, accountPlace, accountSegment, reps, random } = input;
  const n = accountPlace.length;
  const repCount = reps.length;
  const departed = departedRepCount(repCount);
  const nearest = new NearestReps(places, reps);
  const owner = new Int32Array(n);
  const locked = new Uint8Array(n);
  const cNearby = OWNER_MIX.nearby;
  const cRandom = cNearby + OWNER_MIX.random;
  const cNone = cRandom + OWNER_MIX.none;
  const [r1, r2] = NEARBY_RANK_SHARES as [number, number, number];
  for (let i = 0; i < n; i++) {
    // A fixed four draws per account keep every account's outcome on its own slice of the stream.
    const kind = random.next();
    const pick = random.next();
    const any = random.next();
    const lock = random.next();
    let o: number;
    if (kind < cNearby) {
      const near = nearest.of(accountPlace[i]!);
      const rank = pick < r1 ? 0 : pick < r1 + r2 ? 1 : 2;
      o = near[Math.min(rank, near.length - 1)]!;
    } else if (kind < cRandom) {
      o = Math.floor(any * repCount);
    } else if (kind < cNone) {
      o = -1;
    } else {
      o = repCount + Math.floor(any * departed);
    }
    owner[i] = o;
    const segment = SEGMENTS[accountSegment[i]!]!;
    locked[i] = o >= 0 && o < repCount && lock < LOCKED_SHARE[segment] ? 1 : 0;
  }
  return { owner, locked };
}

/**
 * The three reps nearest to each place, found by brute force on unit vectors the first time a
 * place is asked for: accounts share places, so this is places × reps, not accounts × reps.
 */
class NearestReps {
  readonly #places: readonly Place[];
  readonly #rx: Float64Array;
  readonly #ry: Float64Array;
  readonly #rz: Float64Array;
  readonly #cache: (Int32Array | undefined)[];

  constructor(places: readonly Place[], reps: RepTable) {
    this.#places = places;
    const n = reps.length;
    this.#rx = new Float64Array(n);
    this.#ry = new Float64Array(n);
    this.#rz = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const phi = (reps.lat[r]! * Math.PI) / 180;
      const lambda = (reps.lon[r]! * Math.PI) / 180;
      this.#rx[r] = Math.cos(phi) * Math.cos(lambda);
      this.#ry[r] = Math.cos(phi) * Math.sin(lambda);
      this.#rz[r] = Math.sin(phi);
    }
    this.#cache = new Array<Int32Array | undefined>(places.length);
  }

  of(place: number): Int32Array {
    let hit = this.#cache[place];
    if (hit === undefined) {
      hit = this.#compute(place);
      this.#cache[place] = hit;
    }
    return hit;
  }

  #compute(place: number): Int32Array {
    const p = this.#places[place]!;
    const phi = (p.lat * Math.PI) / 180;
    const lambda = (p.lon * Math.PI) / 180;
    const px = Math.cos(phi) * Math.cos(lambda);
    const py = Math.cos(phi) * Math.sin(lambda);
    const pz = Math.sin(phi);
    // The largest dot product is the smallest great-circle distance.
    const best = [-1, -1, -1];
    const bestDot = [-Infinity, -Infinity, -Infinity];
    const n = this.#rx.length;
    for (let r = 0; r < n; r++) {
      const dot = px * this.#rx[r]! + py * this.#ry[r]! + pz * this.#rz[r]!;
      if (dot > bestDot[2]!) {
        let k = 2;
        while (k > 0 && dot > bestDot[k - 1]!) {
          bestDot[k] = bestDot[k - 1]!;
          best[k] = best[k - 1]!;
          k--;
        }
        bestDot[k] = dot;
        best[k] = r;
      }
    }
    return Int32Array.from(best.filter((r) => r >= 0));
  }
}
