import type { Random } from '@tessera/core';
import type { AtomSet } from './atoms.js';
import type { Pacer } from './pacer.js';

/** Lloyd iterations of the unconstrained k-means that places the first centres. */
const LLOYD_ITERATIONS = 12;

export interface SeededCentres {
  /** k centres as unit vectors, interleaved x, y, z (NaN: no position could be given). */
  centres: Float64Array;
  /** Each point's nearest centre at the end (-1 when there is none). */
  nearest: Int32Array;
}

/**
 * Places the territory centres that are not fixed: weighted k-means++ seeding (each new centre
 * drawn with probability ∝ weight × squared distance to the nearest centre so far, fixed centres
 * included), then a few unconstrained Lloyd iterations that move only the free centres. It is the
 * "k-means start" the balanced iterations improve on. O(points × k) per iteration, run on the
 * coarse cells only.
 */
export async function seedCentres(
  points: AtomSet,
  fixed: Float64Array,
  k: number,
  random: Random,
  pacer: Pacer,
): Promise<SeededCentres> {
  const n = points.count;
  const centres = Float64Array.from(fixed);
  const isFree = new Uint8Array(k);
  const d2 = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let placed = 0;
  for (let t = 0; t < k; t++) {
    if (Number.isNaN(fixed[3 * t]!)) isFree[t] = 1;
    else {
      updateDistances(points, centres, t, d2);
      placed++;
    }
  }
  const nearest = new Int32Array(n).fill(-1);
  if (n === 0) return { centres, nearest };

  for (let t = 0; t < k; t++) {
    if (isFree[t] === 0) continue;
    const pick = placed === 0 ? draw(points.w, null, random) : draw(points.w, d2, random);
    centres[3 * t] = points.x[pick]!;
    centres[3 * t + 1] = points.y[pick]!;
    centres[3 * t + 2] = points.z[pick]!;
    updateDistances(points, centres, t, d2);
    placed++;
    if (t % 16 === 15) await pacer.pace();
  }

  const sums = new Float64Array(3 * k);
  for (let iteration = 0; iteration < LLOYD_ITERATIONS; iteration++) {
    const changed = await assignNearest(points, centres, k, nearest, pacer);
    if (changed === 0 && iteration > 0) break;
    sums.fill(0);
    for (let i = 0; i < n; i++) {
      const t = nearest[i]!;
      sums[3 * t]! += points.sx[i]!;
      sums[3 * t + 1]! += points.sy[i]!;
      sums[3 * t + 2]! += points.sz[i]!;
    }
    for (let t = 0; t < k; t++) {
      if (isFree[t] === 0) continue;
      const q = 3 * t;
      const norm = Math.hypot(sums[q]!, sums[q + 1]!, sums[q + 2]!);
      // An emptied centre keeps its place: the balanced iterations will give it accounts.
      if (norm > 1e-300) {
        centres[q] = sums[q]! / norm;
        centres[q + 1] = sums[q + 1]! / norm;
        centres[q + 2] = sums[q + 2]! / norm;
      }
    }
  }
  await assignNearest(points, centres, k, nearest, pacer);
  return { centres, nearest };
}

function updateDistances(
  points: AtomSet,
  centres: Float64Array,
  t: number,
  d2: Float64Array,
): void {
  const cx = centres[3 * t]!;
  const cy = centres[3 * t + 1]!;
  const cz = centres[3 * t + 2]!;
  for (let i = 0; i < points.count; i++) {
    const dx = points.x[i]! - cx;
    const dy = points.y[i]! - cy;
    const dz = points.z[i]! - cz;
    const d = dx * dx + dy * dy + dz * dz;
    if (d < d2[i]!) d2[i] = d;
  }
}

/** An index drawn with probability ∝ w (× d2 when given, falling back to w alone when that is all 0). */
function draw(w: Float64Array, d2: Float64Array | null, random: Random): number {
  let total = 0;
  for (let i = 0; i < w.length; i++) total += d2 ? w[i]! * d2[i]! : w[i]!;
  if (!(total > 0)) return d2 ? draw(w, null, random) : random.int(w.length);
  let mark = random.next() * total;
  for (let i = 0; i < w.length; i++) {
    mark -= d2 ? w[i]! * d2[i]! : w[i]!;
    if (mark < 0) return i;
  }
  // Rounding left a sliver past the last positive weight: take that one.
  for (let i = w.length - 1; i >= 0; i--) if ((d2 ? w[i]! * d2[i]! : w[i]!) > 0) return i;
  return 0;
}

/** Each point to its nearest centre (ties to the lower index); returns how many changed. */
async function assignNearest(
  points: AtomSet,
  centres: Float64Array,
  k: number,
  nearest: Int32Array,
  pacer: Pacer,
): Promise<number> {
  let changed = 0;
  for (let i = 0; i < points.count; i++) {
    const px = points.x[i]!;
    const py = points.y[i]!;
    const pz = points.z[i]!;
    let best = -1;
    let bestDot = Number.NEGATIVE_INFINITY;
    for (let t = 0; t < k; t++) {
      const q = 3 * t;
      const dot = px * centres[q]! + py * centres[q + 1]! + pz * centres[q + 2]!;
      if (dot > bestDot) {
        bestDot = dot;
        best = t;
      }
    }
    if (nearest[i] !== best) changed++;
    nearest[i] = best;
    if ((i & 4095) === 4095) await pacer.pace();
  }
  return changed;
}
