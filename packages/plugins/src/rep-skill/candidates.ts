import { EARTH_RADIUS_KM } from '@tessera/core';
import { UNKNOWN_KM, type UnitPoints } from './geometry.js';
import type { SkillClasses } from './skill-classes.js';

/** The reps each point may go to, stored by point: arcs `start[i] .. start[i + 1]`. */
export interface CandidateArcs {
  readonly start: Uint32Array;
  readonly rep: Int32Array;
  readonly km: Float64Array;
  /** 1 when the rep holds every skill the point's class needs. */
  readonly matched: Uint8Array;
}

export interface CandidateCounts {
  /** Nearest reps holding the skills, per point. */
  readonly matching: number;
  /** Nearest reps without them, per point: the fallback when the matching ones are full. */
  readonly others: number;
}

/** Points handled between two pauses. */
const SLICE = 512;
/** Side of the grid cells that share one ordering of the reps, in degrees (about 25 km). */
const CELL_DEG = 0.25;

/**
 * For each point, its `counts.matching` cheapest reps among those holding its class's skills,
 * then its `counts.others` cheapest among the rest, each list cheapest first. Cheapest means
 * least km + `offset[rep]`: with the prices of a coarser solution as offsets, the arcs kept
 * are the ones an optimal plan is likely to use, not merely the nearest. Equal keys (reps
 * sharing an office, unknown distances) go to the rep whose index comes first after the
 * point's index (mod reps), so points without coordinates spread over the reps instead of all
 * naming the first ones.
 *
 * Points are handled by grid cell: the reps are sorted once per cell by a lower bound on
 * their key for any point of the cell (distance from the cell's centre less its radius, plus
 * the offset), and each point scans them in that order until the bound passes its k-th best:
 * a few exact distances per point instead of one per rep, with the same answer as a full scan.
 */
export async function candidateArcs(
  points: UnitPoints,
  classOf: Int32Array,
  reps: UnitPoints,
  classes: SkillClasses,
  counts: CandidateCounts,
  pause: () => Promise<void>,
  offset: Float64Array = new Float64Array(reps.x.length),
): Promise<CandidateArcs> {
  const n = classOf.length;
  const m = reps.x.length;
  const start = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const c = classOf[i]!;
    start[i + 1] =
      start[i]! +
      Math.min(counts.matching, classes.matching[c]!.length) +
      Math.min(counts.others, classes.others[c]!.length);
  }
  const total = start[n]!;
  const arcs = {
    start,
    rep: new Int32Array(total),
    km: new Float64Array(total),
    matched: new Uint8Array(total),
  };
  const pick = new CheapestPicker(Math.max(counts.matching, counts.others), reps, offset);
  const { order, cellStart } = await byCell(points, pause);
  let done = 0;
  for (let cell = 0; cell + 1 < cellStart.length; cell++) {
    const from = cellStart[cell]!;
    const to = cellStart[cell + 1]!;
    const located = pick.prepareCell(points, order, from, to);
    for (let k = from; k < to; k++) {
      if (++done % SLICE === 0) await pause();
      const i = order[k]!;
      const c = classOf[i]!;
      let at = start[i]!;
      for (let pass = 0; pass < 2; pass++) {
        const want = pass === 0 ? 1 : 0;
        const list = want === 1 ? classes.matching[c]! : classes.others[c]!;
        const limit = want === 1 ? counts.matching : counts.others;
        const found =
          limit >= list.length
            ? pick.all(points, i, list)
            : located
              ? pick.cheapestInCell(points, i, classes.matches, c * m, want, limit)
              : pick.cheapestOf(points, i, list, limit);
        for (let q = 0; q < found; q++) {
          arcs.rep[at] = pick.reps[q]!;
          arcs.km[at] = pick.km[q]!;
          arcs.matched[at] = want;
          at++;
        }
      }
    }
  }
  return arcs;
}

/**
 * The points ordered by grid cell: cell j holds `order[cellStart[j] .. cellStart[j + 1]]`.
 * Points without coordinates form the last cell.
 */
async function byCell(
  points: UnitPoints,
  pause: () => Promise<void>,
): Promise<{ order: Int32Array; cellStart: Int32Array }> {
  const n = points.x.length;
  const cellOf = new Int32Array(n);
  const ids = new Map<number, number>();
  const cols = Math.ceil(360 / CELL_DEG) + 1;
  let unlocated = 0;
  for (let i = 0; i < n; i++) {
    if (i % 16_384 === 16_383) await pause();
    const z = points.z[i]!;
    if (z !== z) {
      cellOf[i] = -1;
      unlocated++;
      continue;
    }
    const lat = (Math.asin(Math.max(-1, Math.min(1, z))) * 180) / Math.PI;
    const lon = (Math.atan2(points.y[i]!, points.x[i]!) * 180) / Math.PI;
    const key = Math.floor((lat + 90) / CELL_DEG) * cols + Math.floor((lon + 180) / CELL_DEG);
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    cellOf[i] = id;
  }
  const cells = ids.size + (unlocated > 0 ? 1 : 0);
  const cellStart = new Int32Array(cells + 1);
  for (let i = 0; i < n; i++) cellStart[(cellOf[i]! < 0 ? ids.size : cellOf[i]!) + 1]!++;
  for (let j = 0; j < cells; j++) cellStart[j + 1]! += cellStart[j]!;
  const fill = cellStart.slice(0, cells);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[cellOf[i]! < 0 ? ids.size : cellOf[i]!]!++] = i;
  return { order, cellStart };
}

/** A bounded, sorted insertion list: the k cheapest reps for one point (or all of them). */
class CheapestPicker {
  readonly reps: Int32Array;
  readonly km: Float64Array;
  readonly #key: Float64Array;
  readonly #tie: Int32Array;
  readonly #repPoints: UnitPoints;
  readonly #offset: Float64Array;
  /** The current cell's reps by ascending lower bound, and those bounds. */
  readonly #sorted: Int32Array;
  readonly #bound: Float64Array;
  readonly #encoded: Float64Array;

  constructor(capacity: number, repPoints: UnitPoints, offset: Float64Array) {
    const m = repPoints.x.length;
    this.reps = new Int32Array(Math.max(capacity, m));
    this.km = new Float64Array(Math.max(capacity, m));
    this.#key = new Float64Array(capacity);
    this.#tie = new Int32Array(capacity);
    this.#repPoints = repPoints;
    this.#offset = offset;
    this.#sorted = new Int32Array(m);
    this.#bound = new Float64Array(m);
    this.#encoded = new Float64Array(m);
  }

  /**
   * Sorts the reps by a lower bound on km + offset for every point of the cell
   * `order[from .. to]`; false when the cell holds points without coordinates.
   */
  prepareCell(points: UnitPoints, order: Int32Array, from: number, to: number): boolean {
    let cx = 0;
    let cy = 0;
    let cz = 0;
    for (let k = from; k < to; k++) {
      const i = order[k]!;
      cx += points.x[i]!;
      cy += points.y[i]!;
      cz += points.z[i]!;
    }
    if (cx !== cx) return false;
    const norm = Math.hypot(cx, cy, cz);
    const first = order[from]!;
    if (norm > 1e-9) {
      cx /= norm;
      cy /= norm;
      cz /= norm;
    } else {
      cx = points.x[first]!;
      cy = points.y[first]!;
      cz = points.z[first]!;
    }
    let radius = 0;
    for (let k = from; k < to; k++) {
      const i = order[k]!;
      radius = Math.max(radius, chordKm(points.x[i]! - cx, points.y[i]! - cy, points.z[i]! - cz));
    }
    // A little slack so rounding can never make the bound exceed a true key.
    radius += 1e-6;
    const { x, y, z } = this.#repPoints;
    const m = x.length;
    const bound = this.#bound;
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (let r = 0; r < m; r++) {
      const d = chordKm(x[r]! - cx, y[r]! - cy, z[r]! - cz);
      const b = (d === d ? d - radius : UNKNOWN_KM) + this.#offset[r]!;
      bound[r] = b;
      low = Math.min(low, b);
      high = Math.max(high, b);
    }
    // Sort (bound, rep) pairs as plain numbers: the bound floored to a grid of 2^−scaleBits
    // (so it stays a lower bound) in the high digits, the rep in the low ones.
    let slots = 1;
    while (slots < m) slots *= 2;
    let scale = 256;
    while (scale > 1e-9 && (high - low + 1) * scale * slots > 2 ** 52) scale /= 2;
    const encoded = this.#encoded;
    for (let r = 0; r < m; r++) encoded[r] = Math.floor((bound[r]! - low) * scale) * slots + r;
    encoded.sort();
    for (let t = 0; t < m; t++) {
      const e = encoded[t]!;
      const r = e % slots;
      this.#sorted[t] = r;
      this.#bound[t] = low + (e - r) / slots / scale;
    }
    return true;
  }

  /** The k cheapest eligible reps (`matches[row + r] === want`) for point i of the cell. */
  cheapestInCell(
    points: UnitPoints,
    i: number,
    matches: Uint8Array,
    row: number,
    want: number,
    k: number,
  ): number {
    if (k <= 0) return 0;
    const { x, y, z } = this.#repPoints;
    const m = x.length;
    const px = points.x[i]!;
    const py = points.y[i]!;
    const pz = points.z[i]!;
    const rotation = i % m;
    let size = 0;
    for (let t = 0; t < m; t++) {
      if (size === k && this.#bound[t]! > this.#key[k - 1]!) break;
      const r = this.#sorted[t]!;
      if (matches[row + r] !== want) continue;
      const d = chordKm(px - x[r]!, py - y[r]!, pz - z[r]!);
      size = this.#insert(size, k, r, d === d ? d : UNKNOWN_KM, rotation);
    }
    return size;
  }

  /** The k cheapest reps of `list` for point i by a full scan (a point without coordinates). */
  cheapestOf(points: UnitPoints, i: number, list: Int32Array, k: number): number {
    if (k <= 0) return 0;
    const { x, y, z } = this.#repPoints;
    const rotation = i % x.length;
    let size = 0;
    for (let q = 0; q < list.length; q++) {
      const r = list[q]!;
      const d = chordKm(points.x[i]! - x[r]!, points.y[i]! - y[r]!, points.z[i]! - z[r]!);
      size = this.#insert(size, k, r, d === d ? d : UNKNOWN_KM, rotation);
    }
    return size;
  }

  /** Every rep of `list`, in list order: nothing to choose, so nothing to sort. */
  all(points: UnitPoints, i: number, list: Int32Array): number {
    const { x, y, z } = this.#repPoints;
    for (let q = 0; q < list.length; q++) {
      const r = list[q]!;
      const d = chordKm(points.x[i]! - x[r]!, points.y[i]! - y[r]!, points.z[i]! - z[r]!);
      this.reps[q] = r;
      this.km[q] = d === d ? d : UNKNOWN_KM;
    }
    return list.length;
  }

  /** Offers rep r at distance d to the list of the k cheapest; returns the new size. */
  #insert(size: number, k: number, r: number, d: number, rotation: number): number {
    const key = this.#key;
    const tie = this.#tie;
    const m = this.#repPoints.x.length;
    const kq = d + this.#offset[r]!;
    const tq = r >= rotation ? r - rotation : r - rotation + m;
    if (size === k) {
      if (kq > key[k - 1]! || (kq === key[k - 1] && tq >= tie[k - 1]!)) return size;
      size--;
    }
    let at = size;
    while (at > 0 && (key[at - 1]! > kq || (key[at - 1] === kq && tie[at - 1]! > tq))) {
      key[at] = key[at - 1]!;
      tie[at] = tie[at - 1]!;
      this.reps[at] = this.reps[at - 1]!;
      this.km[at] = this.km[at - 1]!;
      at--;
    }
    key[at] = kq;
    tie[at] = tq;
    this.reps[at] = r;
    this.km[at] = d;
    return size + 1;
  }
}

/** Great-circle km for a chord given as a difference of unit vectors (NaN when unknown). */
function chordKm(dx: number, dy: number, dz: number): number {
  const chord = Math.sqrt(dx * dx + dy * dy + dz * dz);
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, chord / 2));
}

/** Cost per workload unit of each arc: its km, plus the penalty when the rep lacks the skills. */
export async function arcCosts(
  arcs: CandidateArcs,
  penaltyKm: number,
  pause: () => Promise<void>,
): Promise<Float64Array> {
  const cost = new Float64Array(arcs.km.length);
  for (let a = 0; a < cost.length; a++) {
    if (a % 262_144 === 262_143) await pause();
    cost[a] = arcs.matched[a] === 1 ? arcs.km[a]! : arcs.km[a]! + penaltyKm;
  }
  return cost;
}
