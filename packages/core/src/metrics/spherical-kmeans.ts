import type { Random } from '../random/random.js';
import { chordArcKm as arcKm } from '../geo/great-circle.js';

export interface SphericalKMeansOptions {
  /** Lloyd iterations per restart at most. */
  maxIterations: number;
  /** Independent k-means++ seedings; the one with the smallest mean distance is kept. */
  restarts: number;
}

export interface SphericalKMeansResult {
  /** Cluster of each point. */
  assignment: Int32Array;
  /** Unit-vector centres, 3 per cluster; fewer than k when there are fewer distinct points. */
  centres: Float64Array;
  /** Weighted mean great-circle distance (km) from the points to their centres. */
  meanDistanceKm: number;
}

/**
 * Weighted k-means on the unit sphere: k-means++ seeding (each next seed drawn with probability
 * ∝ weight × squared chord to the nearest seed), then Lloyd iterations that assign each point to
 * the nearest centre and move each centre to the normalised weighted sum of its points.
 *
 * Two exact shortcuts keep the assignment step cheap, both on chord distance (a metric in 3D,
 * ordered like great-circle distance). Hamerly's bounds: a point whose upper bound to its centre
 * is below its lower bound to every other centre, or below half the gap to the nearest other
 * centre, is not rescanned. Elkan's lemma: a centre j can only beat a point's centre a when
 * |c_a − c_j| < 2·|x − c_a|, so a rescan only visits the centres near c_a. Same clusters as plain
 * Lloyd, with a small share of its distance computations once clusters settle.
 *
 * `points` holds 3 numbers per point; weights must be ≥ 0 and finite.
 */
export function sphericalKMeans(
  points: Float64Array,
  weights: Float64Array,
  k: number,
  random: Random,
  options: SphericalKMeansOptions,
): SphericalKMeansResult {
  let best: SphericalKMeansResult | undefined;
  for (let run = 0; run < Math.max(1, options.restarts); run++) {
    const result = runOnce(points, weights, k, random, options.maxIterations);
    if (best === undefined || result.meanDistanceKm < best.meanDistanceKm) best = result;
  }
  return best!;
}

/** Per-iteration neighbourhoods of the centres (see {@link neighbourhoods}). */
interface Neighbourhoods {
  /** Half the chord from each centre to its nearest other centre (Hamerly's s). */
  halfGap: Float64Array;
  /** Row a (stride c): the centres j ≠ a with |c_a − c_j| < 2·reach_a; `size[a]` of them. */
  near: Int32Array;
  size: Int32Array;
  /** Chord from c_a to the nearest centre not in its row (Infinity when all are). */
  beyond: Float64Array;
  /** Largest upper bound of the points in each cluster. */
  reach: Float64Array;
  gaps: Float64Array;
}

function runOnce(
  points: Float64Array,
  weights: Float64Array,
  k: number,
  random: Random,
  maxIterations: number,
): SphericalKMeansResult {
  const m = weights.length;
  const assignment = new Int32Array(m);
  const upper = new Float64Array(m);
  // Seeding leaves each point with its nearest seed and the exact chord to it; lower bounds
  // start at 0, so the first pass checks every point, but only against nearby centres.
  const lower = new Float64Array(m);
  let centres: Float64Array = seedCentres(points, weights, k, random, assignment, upper);
  const c = centres.length / 3;
  if (c === 0) return { assignment: assignment.fill(-1), centres, meanDistanceKm: 0 };
  let next: Float64Array = new Float64Array(3 * c);
  const scan = { best: 0, first: 0, second: 0 };

  const mass = new Float64Array(c);
  const shift = new Float64Array(c);
  const hood: Neighbourhoods = {
    halfGap: new Float64Array(c),
    near: new Int32Array(c * c),
    size: new Int32Array(c),
    beyond: new Float64Array(c),
    reach: new Float64Array(c),
    gaps: new Float64Array(c * c),
  };
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    moveCentres(points, weights, assignment, centres, next, mass);
    relocateEmpty(points, weights, upper, next, mass);
    let maxShift = 0;
    let secondShift = 0;
    let maxShiftAt = -1;
    for (let j = 0; j < c; j++) {
      const q = 3 * j;
      const d = chord(centres, q, next, q);
      shift[j] = d;
      if (d > maxShift) {
        secondShift = maxShift;
        maxShift = d;
        maxShiftAt = j;
      } else if (d > secondShift) secondShift = d;
    }
    [centres, next] = [next, centres];
    if (maxShift === 0) break;

    hood.reach.fill(0);
    for (let i = 0; i < m; i++) {
      const a = assignment[i]!;
      upper[i]! += shift[a]!;
      lower[i]! -= a === maxShiftAt ? secondShift : maxShift;
      if (upper[i]! > hood.reach[a]!) hood.reach[a] = upper[i]!;
    }
    neighbourhoods(centres, c, hood);

    let changed = 0;
    for (let i = 0; i < m; i++) {
      const a = assignment[i]!;
      const gap = hood.halfGap[a]!;
      const bound = gap > lower[i]! ? gap : lower[i]!;
      if (upper[i]! <= bound) continue;
      const tight = chord(points, 3 * i, centres, 3 * a);
      upper[i] = tight;
      if (tight <= bound) continue;
      nearestAround(points, i, a, tight, centres, c, hood, scan);
      upper[i] = scan.first;
      lower[i] = scan.second;
      if (scan.best !== a) {
        assignment[i] = scan.best;
        changed++;
      }
    }
    if (changed === 0) break;
  }

  let weighted = 0;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const w = weights[i]!;
    const o = 3 * i;
    const q = 3 * assignment[i]!;
    weighted +=
      w *
      arcKm(
        points[o]!,
        points[o + 1]!,
        points[o + 2]!,
        centres[q]!,
        centres[q + 1]!,
        centres[q + 2]!,
      );
    total += w;
  }
  return { assignment, centres, meanDistanceKm: total > 0 ? weighted / total : 0 };
}

/**
 * Weighted k-means++ seeds; stops early when every remaining point sits on a seed. Fills in each
 * point's nearest seed and the chord to it.
 */
function seedCentres(
  points: Float64Array,
  weights: Float64Array,
  k: number,
  random: Random,
  nearestSeed: Int32Array,
  nearestChord: Float64Array,
): Float64Array {
  const m = weights.length;
  const centres = new Float64Array(3 * Math.min(k, m));
  // Running total of weight × squared chord to the nearest seed, so a draw is a binary search
  // and each seed costs one branch-light pass over the points.
  const cumulative = new Float64Array(m);
  const nearest = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
  let total = 0;
  for (let i = 0; i < m; i++) {
    total += weights[i]!;
    cumulative[i] = total;
  }
  let count = 0;
  while (count < centres.length / 3 && total > 0) {
    const pick = search(cumulative, random.next() * total);
    const q = 3 * count;
    const o = 3 * pick;
    const cx = points[o]!;
    const cy = points[o + 1]!;
    const cz = points[o + 2]!;
    centres[q] = cx;
    centres[q + 1] = cy;
    centres[q + 2] = cz;
    total = 0;
    for (let i = 0, p = 0; i < m; i++, p += 3) {
      const dx = points[p]! - cx;
      const dy = points[p + 1]! - cy;
      const dz = points[p + 2]! - cz;
      const squared = dx * dx + dy * dy + dz * dz;
      if (squared < nearest[i]!) {
        nearest[i] = squared;
        nearestSeed[i] = count;
      }
      total += weights[i]! * nearest[i]!;
      cumulative[i] = total;
    }
    count++;
  }
  for (let i = 0; i < m; i++) nearestChord[i] = Math.sqrt(nearest[i]!);
  return centres.slice(0, 3 * count);
}

/** The first index whose running total exceeds the target (so never one with zero mass). */
function search(cumulative: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function moveCentres(
  points: Float64Array,
  weights: Float64Array,
  assignment: Int32Array,
  previous: Float64Array,
  next: Float64Array,
  mass: Float64Array,
): void {
  next.fill(0);
  mass.fill(0);
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    const a = assignment[i]!;
    const o = 3 * i;
    const q = 3 * a;
    next[q]! += w * points[o]!;
    next[q + 1]! += w * points[o + 1]!;
    next[q + 2]! += w * points[o + 2]!;
    mass[a]! += w;
  }
  for (let j = 0; j < mass.length; j++) {
    const q = 3 * j;
    const norm = Math.sqrt(next[q]! ** 2 + next[q + 1]! ** 2 + next[q + 2]! ** 2);
    if (mass[j]! > 0 && norm > 1e-9 * mass[j]!) {
      next[q]! /= norm;
      next[q + 1]! /= norm;
      next[q + 2]! /= norm;
    } else {
      next[q] = previous[q]!;
      next[q + 1] = previous[q + 1]!;
      next[q + 2] = previous[q + 2]!;
    }
  }
}

/**
 * An empty cluster is moved onto the weighted point farthest (by its upper bound) from its
 * centre, so k clusters stay in use; a rare event, so a linear search each time is fine.
 */
function relocateEmpty(
  points: Float64Array,
  weights: Float64Array,
  upper: Float64Array,
  next: Float64Array,
  mass: Float64Array,
): void {
  let taken: Set<number> | undefined;
  for (let j = 0; j < mass.length; j++) {
    if (mass[j]! > 0) continue;
    taken ??= new Set();
    let far = -1;
    for (let i = 0; i < weights.length; i++) {
      if (weights[i]! > 0 && !taken.has(i) && (far < 0 || upper[i]! > upper[far]!)) far = i;
    }
    if (far < 0 || !(upper[far]! > 0)) return;
    taken.add(far);
    const q = 3 * j;
    const o = 3 * far;
    next[q] = points[o]!;
    next[q + 1] = points[o + 1]!;
    next[q + 2] = points[o + 2]!;
  }
}

/**
 * Centre-to-centre chords, and for each centre a the centres that can still win one of its
 * points: only those closer to c_a than twice its farthest point's upper bound (Elkan's lemma).
 */
function neighbourhoods(centres: Float64Array, c: number, hood: Neighbourhoods): void {
  const { halfGap, near, size, beyond, reach, gaps } = hood;
  for (let a = 0; a < c; a++) {
    gaps[a * c + a] = 0;
    for (let b = a + 1; b < c; b++) {
      const d = chord(centres, 3 * a, centres, 3 * b);
      gaps[a * c + b] = d;
      gaps[b * c + a] = d;
    }
  }
  for (let a = 0; a < c; a++) {
    const row = a * c;
    const limit = 2 * reach[a]!;
    let closest = Number.POSITIVE_INFINITY;
    let outside = Number.POSITIVE_INFINITY;
    let count = 0;
    for (let b = 0; b < c; b++) {
      if (b === a) continue;
      const d = gaps[row + b]!;
      if (d < closest) closest = d;
      if (d < limit) near[row + count++] = b;
      else if (d < outside) outside = d;
    }
    halfGap[a] = 0.5 * closest;
    size[a] = count;
    beyond[a] = outside;
  }
}

/**
 * Nearest and second-nearest centre of point i, visiting only centre a (its current one, at
 * chord `own`) and a's neighbourhood. Every centre left out is at least `beyond[a] − own` away,
 * which caps the lower bound.
 */
function nearestAround(
  points: Float64Array,
  i: number,
  a: number,
  own: number,
  centres: Float64Array,
  c: number,
  hood: Neighbourhoods,
  out: { best: number; first: number; second: number },
): void {
  const o = 3 * i;
  const x = points[o]!;
  const y = points[o + 1]!;
  const z = points[o + 2]!;
  let best = a;
  let bestDot = x * centres[3 * a]! + y * centres[3 * a + 1]! + z * centres[3 * a + 2]!;
  let secondDot = Number.NEGATIVE_INFINITY;
  const row = a * c;
  const count = hood.size[a]!;
  for (let n = 0; n < count; n++) {
    const j = hood.near[row + n]!;
    const q = 3 * j;
    const dot = x * centres[q]! + y * centres[q + 1]! + z * centres[q + 2]!;
    if (dot > bestDot) {
      secondDot = bestDot;
      bestDot = dot;
      best = j;
    } else if (dot > secondDot) secondDot = dot;
  }
  out.best = best;
  out.first = best === a ? own : chord(points, o, centres, 3 * best);
  const scanned = secondBound(secondDot);
  const unscanned = hood.beyond[a]! - own;
  out.second = scanned < unscanned ? scanned : unscanned;
}

/** A lower bound on the chord for a dot product, shaved so rounding never makes it overshoot. */
function secondBound(dot: number): number {
  if (dot === Number.NEGATIVE_INFINITY) return Number.POSITIVE_INFINITY;
  return Math.sqrt(Math.max(0, 2 - 2 * dot - 4e-15));
}

/** Euclidean distance between the 3-vectors at a[i..i+2] and b[j..j+2]. */
function chord(a: Float64Array, i: number, b: Float64Array, j: number): number {
  const dx = a[i]! - b[j]!;
  const dy = a[i + 1]! - b[j + 1]!;
  const dz = a[i + 2]! - b[j + 2]!;
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}
