import type { AtomSet } from './atoms.js';
import { arcKm } from './candidates.js';

/**
 * Moves every free centre to the weighted spherical centroid of its territory (the normalised
 * Σ w·v of its atoms and pinned accounts: the centre core's compactness metric measures from).
 * Fixed centres (rep homes) and territories left empty stay. Returns the largest move, as a
 * chord on the unit sphere.
 */
export function updateCentres(
  atoms: AtomSet,
  territoryOf: Int32Array,
  pinnedSum: Float64Array,
  fixed: Uint8Array,
  centres: Float64Array,
): number {
  const k = fixed.length;
  const sums = Float64Array.from(pinnedSum);
  for (let a = 0; a < atoms.count; a++) {
    const q = 3 * territoryOf[a]!;
    sums[q]! += atoms.sx[a]!;
    sums[q + 1]! += atoms.sy[a]!;
    sums[q + 2]! += atoms.sz[a]!;
  }
  let shift = 0;
  for (let t = 0; t < k; t++) {
    if (fixed[t] === 1) continue;
    const q = 3 * t;
    const norm = Math.hypot(sums[q]!, sums[q + 1]!, sums[q + 2]!);
    if (!(norm > 1e-300)) continue;
    const x = sums[q]! / norm;
    const y = sums[q + 1]! / norm;
    const z = sums[q + 2]! / norm;
    const old = Number.isNaN(centres[q]!)
      ? 2
      : Math.hypot(x - centres[q]!, y - centres[q + 1]!, z - centres[q + 2]!);
    if (old > shift) shift = old;
    centres[q] = x;
    centres[q + 1] = y;
    centres[q + 2] = z;
  }
  return shift;
}

/** Σ w·km from each atom to its territory's centre: the distance the solver minimises. */
export function distanceCost(
  atoms: AtomSet,
  territoryOf: Int32Array,
  centres: Float64Array,
): number {
  let total = 0;
  for (let a = 0; a < atoms.count; a++) {
    const q = 3 * territoryOf[a]!;
    total +=
      atoms.w[a]! *
      arcKm(atoms.x[a]!, atoms.y[a]!, atoms.z[a]!, centres[q]!, centres[q + 1]!, centres[q + 2]!);
  }
  return total;
}
