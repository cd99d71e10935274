import { allocateAtoms, normalizeAtoms, type AtomSet } from './atoms.js';
import type { Pacer } from './pacer.js';
import { sortIndexesByKey } from './radix-sort.js';

/** Bits per axis of the Hilbert key (2^16 cells a side: a few hundred metres across the US). */
const HILBERT_BITS = 16;

export interface CoarseCells {
  cells: AtomSet;
  /** The cell of each atom. */
  cellOf: Int32Array;
}

export interface CoarsenOptions {
  /** At most this many atoms per cell. */
  maxAtoms: number;
  /** A cell stops growing before its load passes this, so cells stay well inside the tolerance. */
  maxLoad: number;
  /** Territories to be built: a step along the curve longer than half their typical spacing starts a new cell. */
  territories: number;
  /** Whether to carry the dominant owner of each cell (continuity). */
  owners: boolean;
}

/** Position along a Hilbert curve of a point on a 2^bits × 2^bits grid. */
export function hilbertIndex(x: number, y: number, bits: number): number {
  let d = 0;
  for (let s = 1 << (bits - 1); s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

/**
 * Groups located atoms into small compact cells for the coarse pass: atoms are sorted along a
 * Hilbert curve over their bounding box and cut into runs, so neighbours on the map share a
 * cell. O(n log n) for the sort, everything else one pass. Every atom lands in exactly one cell,
 * so cell loads add up to the true loads.
 */
export async function coarsen(
  atoms: AtomSet,
  options: CoarsenOptions,
  pacer: Pacer,
): Promise<CoarseCells> {
  const n = atoms.count;
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  let latMin = Infinity;
  let latMax = -Infinity;
  let lonMin = Infinity;
  let lonMax = -Infinity;
  for (let a = 0; a < n; a++) {
    if ((a & 65535) === 65535) await pacer.pace();
    const la = Math.asin(Math.max(-1, Math.min(1, atoms.z[a]!)));
    const lo = Math.atan2(atoms.y[a]!, atoms.x[a]!);
    lat[a] = la;
    lon[a] = lo;
    if (la < latMin) latMin = la;
    if (la > latMax) latMax = la;
    if (lo < lonMin) lonMin = lo;
    if (lo > lonMax) lonMax = lo;
  }
  const cellsPerAxis = 2 ** HILBERT_BITS;
  const span = Math.max(latMax - latMin, lonMax - lonMin, 1e-12);
  const scale = (cellsPerAxis - 1) / span;
  const keys = new Uint32Array(n);
  for (let a = 0; a < n; a++) {
    if ((a & 65535) === 65535) await pacer.pace();
    const qx = Math.floor((lon[a]! - lonMin) * scale);
    const qy = Math.floor((lat[a]! - latMin) * scale);
    keys[a] = hilbertIndex(qx, qy, HILBERT_BITS);
  }
  await pacer.pace();
  const order = await sortIndexesByKey(keys, pacer);

  const cellOf = new Int32Array(n);
  let cellCount = 0;
  let members = 0;
  let cellLoad = 0;
  let prev = -1;
  // Half the spacing of k territories tiling the bounding box, as a chord on the unit sphere.
  const area =
    Math.max(lonMax - lonMin, 1e-9) * Math.max(Math.sin(latMax) - Math.sin(latMin), 1e-9);
  const maxStep = 0.5 * Math.sqrt(area / Math.max(1, options.territories));
  const maxStep2 = maxStep * maxStep;
  for (let j = 0; j < n; j++) {
    if ((j & 131071) === 131071) await pacer.pace();
    const a = order[j]!;
    let split = j === 0;
    if (!split) {
      const dx = atoms.x[a]! - atoms.x[prev]!;
      const dy = atoms.y[a]! - atoms.y[prev]!;
      const dz = atoms.z[a]! - atoms.z[prev]!;
      split =
        members >= options.maxAtoms ||
        cellLoad + atoms.b[a]! > options.maxLoad ||
        dx * dx + dy * dy + dz * dz > maxStep2;
    }
    if (split) {
      cellCount++;
      members = 0;
      cellLoad = 0;
    }
    cellOf[a] = cellCount - 1;
    members++;
    cellLoad += atoms.b[a]!;
    prev = a;
  }

  await pacer.pace();
  const cells = allocateAtoms(cellCount);
  for (let a = 0; a < n; a++) {
    const c = cellOf[a]!;
    cells.sx[c]! += atoms.sx[a]!;
    cells.sy[c]! += atoms.sy[a]!;
    cells.sz[c]! += atoms.sz[a]!;
    cells.w[c]! += atoms.w[a]!;
    cells.b[c]! += atoms.b[a]!;
  }
  normalizeAtoms(cells);
  await pacer.pace();
  if (options.owners) dominantOwners(atoms, cellOf, cells);
  return { cells, cellOf };
}

/** Each cell's owner for continuity: the rep holding most of its weight (ties to the lower rep). */
function dominantOwners(atoms: AtomSet, cellOf: Int32Array, cells: AtomSet): void {
  const held = new Map<number, number>();
  const stride = 2 ** 21;
  for (let a = 0; a < atoms.count; a++) {
    const r = atoms.ownerRep[a]!;
    if (r < 0) continue;
    const c = cellOf[a]!;
    const key = c * stride + r;
    const total = (held.get(key) ?? 0) + atoms.ownerW[a]!;
    held.set(key, total);
    const best = cells.ownerRep[c]!;
    if (best < 0 || total > cells.ownerW[c]! || (total === cells.ownerW[c]! && r < best)) {
      cells.ownerRep[c] = r;
      cells.ownerW[c] = total;
    }
  }
}
