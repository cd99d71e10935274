import type { AtomSet } from './atoms.js';

/** Above this many atom × territory steps the rescue would cost more than it can save. */
const BUDGET = 60_000_000;

/**
 * A last resort when the solved plan still misses a band: moves single unlocked atoms from the
 * worst-off territory's neighbours in load terms, one at a time, as long as the move brings the
 * worst miss down. It catches what candidate lists cannot reach — a territory whose centre sits
 * where no atom lists it (remote or stacked rep homes) ends up empty otherwise, although a
 * balanced plan exists. The atom moved is the one nearest the receiving territory's centroid
 * (any fitting atom when that territory is empty). Returns how many atoms moved.
 */
export function rescueBands(
  atoms: AtomSet,
  movable: Uint8Array,
  atomTerritory: Int32Array,
  load: Float64Array,
  lo: Float64Array,
  hi: Float64Array,
): number {
  const k = load.length;
  if (atoms.count * k > BUDGET) return 0;
  let moved = 0;
  for (let round = 0; round < 2 * k + atoms.count; round++) {
    const worst = worstMiss(load, lo, hi);
    if (worst.t < 0) break;
    const t = worst.t;
    const under = load[t]! < lo[t]!;
    // Under its band: pull into t from anywhere. Over it: push out of t to the roomiest other.
    const to = under ? t : receiverFor(load, lo, hi, t);
    if (to < 0) break;
    const [cx, cy, cz] = centroid(atoms, atomTerritory, to);
    let best = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let a = 0; a < atoms.count; a++) {
      if (movable[a] !== 1) continue;
      const b = atoms.b[a]!;
      if (!(b > 0)) continue;
      const from = atomTerritory[a]!;
      if (from < 0 || from === to || (!under && from !== t)) continue;
      // The move must not create a miss as large as the one it cures.
      const fromMiss = Math.max(0, lo[from]! - (load[from]! - b));
      const toMiss = Math.max(0, load[to]! + b - hi[to]!);
      if (Math.max(fromMiss, toMiss) >= worst.miss) continue;
      const dx = atoms.x[a]! - cx;
      const dy = atoms.y[a]! - cy;
      const dz = atoms.z[a]! - cz;
      const score = Number.isFinite(cx) ? dx * dx + dy * dy + dz * dz : b;
      if (score < bestScore) {
        bestScore = score;
        best = a;
      }
    }
    if (best < 0) break;
    const from = atomTerritory[best]!;
    load[from]! -= atoms.b[best]!;
    load[to]! += atoms.b[best]!;
    atomTerritory[best] = to;
    moved++;
  }
  return moved;
}

function worstMiss(
  load: Float64Array,
  lo: Float64Array,
  hi: Float64Array,
): { t: number; miss: number } {
  let t = -1;
  let miss = 1e-9;
  for (let u = 0; u < load.length; u++) {
    const m = Math.max(lo[u]! - load[u]!, load[u]! - hi[u]!);
    if (m > miss) {
      miss = m;
      t = u;
    }
  }
  return { t, miss };
}

/** The territory with the most room below its upper bound, other than `not`. */
function receiverFor(load: Float64Array, lo: Float64Array, hi: Float64Array, not: number): number {
  let best = -1;
  let room = Number.NEGATIVE_INFINITY;
  for (let u = 0; u < load.length; u++) {
    if (u === not) continue;
    const r = hi[u]! - load[u]! + Math.max(0, lo[u]! - load[u]!);
    if (r > room) {
      room = r;
      best = u;
    }
  }
  return best;
}

function centroid(atoms: AtomSet, atomTerritory: Int32Array, t: number): [number, number, number] {
  let x = 0;
  let y = 0;
  let z = 0;
  let any = false;
  for (let a = 0; a < atoms.count; a++) {
    if (atomTerritory[a] !== t || !Number.isFinite(atoms.x[a])) continue;
    x += atoms.x[a]!;
    y += atoms.y[a]!;
    z += atoms.z[a]!;
    any = true;
  }
  return any ? [x, y, z] : [Number.NaN, Number.NaN, Number.NaN];
}
