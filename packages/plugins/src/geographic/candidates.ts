import { chordArcKm, GeoIndex } from '@tessera/core';
import type { AtomSet } from './atoms.js';
import type { Pacer } from './pacer.js';

/** Above this many centres, their neighbour lists come from a k-d tree instead of all pairs. */
const BRUTE_FORCE_CENTRES = 400;
/** Walk steps from the hint towards the nearest centre before settling. */
const MAX_WALK = 8;

/**
 * For every atom, the few territories it may join (its nearest centres) and the cost of each:
 * the solver never looks further, which keeps every pass O(atoms × width).
 */
export interface Candidates {
  readonly width: number;
  /** Territory of each slot, `width` per atom, nearest first; -1 for an unused slot. */
  readonly territory: Int32Array;
  /** Cost of each slot: distance weight × km (+ continuity penalty, + a tie-breaking jitter). */
  readonly cost: Float64Array;
}

export interface CandidateCosts {
  /** Territory of each atom's current owner, or -1 (continuity). */
  ownerTerritory: Int32Array | null;
  /** Cost of taking an atom away from its owner's territory. */
  penalty: Float64Array | null;
  /** Size of the tie-breaking jitter, in km. */
  jitterKm: number;
}

export function allocateCandidates(count: number, width: number): Candidates {
  return {
    width,
    territory: new Int32Array(count * width),
    cost: new Float64Array(count * width),
  };
}

/** Whether centre t has a position. */
function valid(centres: Float64Array, t: number): boolean {
  return !Number.isNaN(centres[3 * t]!);
}

/**
 * Each centre's `m` nearest centres (itself first), padded with -1: the places an atom's walk
 * looks at. All pairs for up to {@link BRUTE_FORCE_CENTRES} centres, a k-d tree beyond.
 */
export function centreNeighbours(centres: Float64Array, k: number, m: number): Int32Array {
  const out = new Int32Array(k * m).fill(-1);
  const ids: number[] = [];
  for (let t = 0; t < k; t++) if (valid(centres, t)) ids.push(t);
  if (k > BRUTE_FORCE_CENTRES) {
    const lat = new Float64Array(k);
    const lon = new Float64Array(k);
    for (let t = 0; t < k; t++) {
      const q = 3 * t;
      lat[t] = (Math.asin(Math.max(-1, Math.min(1, centres[q + 2]!))) * 180) / Math.PI;
      lon[t] = (Math.atan2(centres[q + 1]!, centres[q]!) * 180) / Math.PI;
    }
    const index = new GeoIndex(lat, lon);
    for (const t of ids) {
      const near = index.nearestK(lat[t]!, lon[t]!, m);
      // Put the centre itself first even when another shares its position.
      const list = [t, ...near.filter((u) => u !== t)].slice(0, m);
      out.set(list, t * m);
    }
    return out;
  }
  const dots = new Float64Array(ids.length);
  const order = ids.map((_, j) => j);
  for (const t of ids) {
    const q = 3 * t;
    for (let j = 0; j < ids.length; j++) {
      const p = 3 * ids[j]!;
      dots[j] =
        ids[j] === t
          ? Number.POSITIVE_INFINITY
          : centres[q]! * centres[p]! +
            centres[q + 1]! * centres[p + 1]! +
            centres[q + 2]! * centres[p + 2]!;
    }
    order.sort((a, b) => dots[b]! - dots[a]! || ids[a]! - ids[b]!);
    for (let j = 0; j < Math.min(m, ids.length); j++) out[t * m + j] = ids[order[j]!]!;
  }
  return out;
}

/** Offers centre t to an atom's best-`C` list (sorted by dot product, ties to the lower index). */
function offer(
  topDot: Float64Array,
  topIdx: Int32Array,
  filled: number,
  C: number,
  t: number,
  px: number,
  py: number,
  pz: number,
  centres: Float64Array,
): number {
  const q = 3 * t;
  const dot = px * centres[q]! + py * centres[q + 1]! + pz * centres[q + 2]!;
  if (filled === C && !(dot > topDot[C - 1]! || (dot === topDot[C - 1]! && t < topIdx[C - 1]!))) {
    return filled;
  }
  let s = filled < C ? filled++ : C - 1;
  while (s > 0 && (topDot[s - 1]! < dot || (topDot[s - 1] === dot && topIdx[s - 1]! > t))) {
    topDot[s] = topDot[s - 1]!;
    topIdx[s] = topIdx[s - 1]!;
    s--;
  }
  topDot[s] = dot;
  topIdx[s] = t;
  return filled;
}

/**
 * Makes sure territory t is among the first `filled` slots: appended when there is room, else it
 * replaces the last slot that is not `protect`. Returns the new count.
 */
function include(slots: Int32Array, filled: number, C: number, t: number, protect: number): number {
  for (let s = 0; s < filled; s++) if (slots[s] === t) return filled;
  if (filled < C) {
    slots[filled] = t;
    return filled + 1;
  }
  const at = slots[C - 1] === protect && C > 1 ? C - 2 : C - 1;
  slots[at] = t;
  return filled;
}

/** A deterministic number in [0, 1) for the pair (atom, territory). */
function jitter(a: number, t: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(t + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/**
 * Fills each atom's candidate territories: its `width` nearest centres, found by walking from
 * its hint (its territory so far) through the centres' neighbour lists until the hint is the
 * nearest. With continuity on, the owner's territory is always a candidate. A tiny jitter per
 * (atom, territory) makes co-located atoms distinguishable, so prices can split them.
 */
export async function fillCandidates(
  atoms: AtomSet,
  centres: Float64Array,
  neighbours: Int32Array,
  m: number,
  hint: Int32Array,
  costs: CandidateCosts,
  out: Candidates,
  pacer: Pacer,
): Promise<void> {
  const C = out.width;
  const k = centres.length / 3;
  let firstValid = -1;
  for (let t = 0; t < k && firstValid < 0; t++) if (valid(centres, t)) firstValid = t;
  const topDot = new Float64Array(C);
  const topIdx = new Int32Array(C);
  const { ownerTerritory } = costs;
  for (let a = 0; a < atoms.count; a++) {
    const px = atoms.x[a]!;
    const py = atoms.y[a]!;
    const pz = atoms.z[a]!;
    let h = hint[a]!;
    if (h < 0 || h >= k || !valid(centres, h)) h = firstValid;
    let filled = 0;
    let settled = false;
    for (let step = 0; step < MAX_WALK && !settled; step++) {
      filled = 0;
      const base = h * m;
      for (let j = 0; j < m; j++) {
        const t = neighbours[base + j]!;
        if (t < 0) break;
        filled = offer(topDot, topIdx, filled, C, t, px, py, pz, centres);
      }
      settled = filled === 0 || topIdx[0] === h;
      h = topIdx[0]!;
    }
    if (!settled) {
      // The hint was far off (a long walk): look at every centre instead.
      filled = 0;
      for (let t = 0; t < k; t++) {
        if (valid(centres, t)) filled = offer(topDot, topIdx, filled, C, t, px, py, pz, centres);
      }
    }
    // The atom's territory so far stays a candidate (so the last round's plan can be kept),
    // and with continuity on so does its owner's.
    const keep = hint[a]!;
    if (keep >= 0 && keep < k && valid(centres, keep) && filled > 0) {
      filled = include(topIdx, filled, C, keep, -1);
    }
    const owner = ownerTerritory ? ownerTerritory[a]! : -1;
    if (owner >= 0 && valid(centres, owner) && filled > 0) {
      filled = include(topIdx, filled, C, owner, keep);
    }
    const o = a * C;
    for (let s = 0; s < C; s++) {
      if (s >= filled) {
        out.territory[o + s] = -1;
        out.cost[o + s] = Number.POSITIVE_INFINITY;
        continue;
      }
      const t = topIdx[s]!;
      out.territory[o + s] = t;
      out.cost[o + s] = slotCost(atoms, a, centres, t, costs);
    }
    if ((a & 8191) === 8191) await pacer.pace();
  }
}

/** The cost of atom a in territory t: w·km to the centre, plus jitter and continuity penalty. */
export function slotCost(
  atoms: AtomSet,
  a: number,
  centres: Float64Array,
  t: number,
  costs: CandidateCosts,
): number {
  const q = 3 * t;
  const km = arcKm(
    atoms.x[a]!,
    atoms.y[a]!,
    atoms.z[a]!,
    centres[q]!,
    centres[q + 1]!,
    centres[q + 2]!,
  );
  const owner = costs.ownerTerritory ? costs.ownerTerritory[a]! : -1;
  const pen = costs.penalty && t !== owner ? costs.penalty[a]! : 0;
  return atoms.w[a]! * (km + costs.jitterKm * jitter(a, t)) + pen;
}

/** A territory should be listed by atoms carrying at least this multiple of its upper bound. */
const REACH = 2;

/**
 * Makes sure every territory can fill its band: a territory whose centre is listed by too few
 * atoms (a remote centre, a rep home far from the accounts) is added to the lists of the atoms
 * nearest to it among its neighbours' members, until the atoms listing it carry twice its
 * upper bound. Replaces each such atom's farthest candidate (never the one it sits in).
 */
export function ensureReach(
  atoms: AtomSet,
  centres: Float64Array,
  neighbours: Int32Array,
  m: number,
  territoryOf: Int32Array,
  hi: Float64Array,
  pinned: Float64Array,
  costs: CandidateCosts,
  cands: Candidates,
): number {
  const k = hi.length;
  const C = cands.width;
  if (C < 2) return 0;
  const listed = Float64Array.from(pinned);
  for (let a = 0; a < atoms.count; a++) {
    const o = a * C;
    for (let s = 0; s < C; s++) {
      const t = cands.territory[o + s]!;
      if (t < 0) break;
      listed[t]! += atoms.b[a]!;
    }
  }
  const starving: number[] = [];
  for (let t = 0; t < k; t++)
    if (valid(centres, t) && listed[t]! < REACH * hi[t]!) starving.push(t);
  if (starving.length === 0) return 0;
  // Members of each territory, to look for atoms near a starving centre.
  const start = new Int32Array(k + 1);
  for (let a = 0; a < atoms.count; a++) start[territoryOf[a]! + 1]!++;
  for (let t = 0; t < k; t++) start[t + 1]! += start[t]!;
  const fill = start.slice(0, k);
  const members = new Int32Array(atoms.count);
  for (let a = 0; a < atoms.count; a++) members[fill[territoryOf[a]!]!++] = a;
  let added = 0;
  for (const t of starving) {
    const q = 3 * t;
    const near: number[] = [];
    for (let j = 0; j < m; j++) {
      const u = neighbours[t * m + j]!;
      if (u < 0) break;
      for (let i = start[u]!; i < start[u + 1]!; i++) {
        const a = members[i]!;
        const o = a * C;
        let lists = false;
        for (let s = 0; s < C; s++) if (cands.territory[o + s] === t) lists = true;
        if (lists) continue;
        near.push(a);
      }
    }
    const dot = new Float64Array(near.length);
    for (let i = 0; i < near.length; i++) {
      const a = near[i]!;
      dot[i] =
        atoms.x[a]! * centres[q]! + atoms.y[a]! * centres[q + 1]! + atoms.z[a]! * centres[q + 2]!;
    }
    const order = near.map((_, i) => i).sort((x, y) => dot[y]! - dot[x]! || near[x]! - near[y]!);
    for (const i of order) {
      if (listed[t]! >= REACH * hi[t]!) break;
      const a = near[i]!;
      const o = a * C;
      // An unused slot first, else the farthest one that is not the atom's own territory.
      let slot = -1;
      for (let s = 0; s < C && slot < 0; s++) if (cands.territory[o + s]! < 0) slot = s;
      if (slot < 0) slot = cands.territory[o + C - 1] === territoryOf[a] ? C - 2 : C - 1;
      const old = cands.territory[o + slot]!;
      if (old >= 0) listed[old]! -= atoms.b[a]!;
      cands.territory[o + slot] = t;
      cands.cost[o + slot] = slotCost(atoms, a, centres, t, costs);
      listed[t]! += atoms.b[a]!;
      added++;
    }
  }
  return added;
}

/** Great-circle km between two unit vectors (core's chord formula, the one its metrics use). */
export const arcKm = chordArcKm;

/**
 * Opens a sealed group of territories to the rest: when no candidate list leads out of a group
 * over its bands (`outwards`) or into a group under them, the atoms nearest across the border
 * get a territory on the other side as a candidate: for a group that must shed, its atoms
 * nearest to an outside centre; for one that must gain, the outside atoms nearest to one of its
 * centres. Atoms are taken nearest first until they carry `need` load. O(atoms × k) at worst,
 * and only when a search has failed.
 */
export function bridgeCandidates(
  atoms: AtomSet,
  centres: Float64Array,
  territoryOf: Int32Array,
  group: Uint8Array,
  outwards: boolean,
  need: number,
  costs: CandidateCosts,
  cands: Candidates,
): number {
  const k = group.length;
  const C = cands.width;
  if (C < 2) return 0;
  const across: number[] = [];
  for (let t = 0; t < k; t++)
    if (valid(centres, t) && (group[t] === 1) !== outwards) across.push(t);
  if (across.length === 0) return 0;
  const movers: number[] = [];
  const target: number[] = [];
  const dots: number[] = [];
  for (let a = 0; a < atoms.count; a++) {
    if ((group[territoryOf[a]!] === 1) !== outwards || !(atoms.b[a]! > 0)) continue;
    let best = -1;
    let bestDot = Number.NEGATIVE_INFINITY;
    for (const t of across) {
      const q = 3 * t;
      const dot =
        atoms.x[a]! * centres[q]! + atoms.y[a]! * centres[q + 1]! + atoms.z[a]! * centres[q + 2]!;
      if (dot > bestDot) {
        bestDot = dot;
        best = t;
      }
    }
    movers.push(a);
    target.push(best);
    dots.push(bestDot);
  }
  const order = movers
    .map((_, i) => i)
    .sort((x, y) => dots[y]! - dots[x]! || movers[x]! - movers[y]!);
  let added = 0;
  let carried = 0;
  for (const i of order) {
    if (carried >= need) break;
    const a = movers[i]!;
    const t = target[i]!;
    const o = a * C;
    let listed = false;
    for (let s = 0; s < C; s++) if (cands.territory[o + s] === t) listed = true;
    if (listed) continue;
    let slot = -1;
    for (let s = 0; s < C && slot < 0; s++) if (cands.territory[o + s]! < 0) slot = s;
    if (slot < 0) slot = cands.territory[o + C - 1] === territoryOf[a] ? C - 2 : C - 1;
    cands.territory[o + slot] = t;
    cands.cost[o + slot] = slotCost(atoms, a, centres, t, costs);
    carried += atoms.b[a]!;
    added++;
  }
  return added;
}
