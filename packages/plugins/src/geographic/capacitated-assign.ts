import type { Candidates } from './candidates.js';
import type { Pacer } from './pacer.js';

/** The balance band of each territory and the load it carries whatever happens (locks). */
export interface Band {
  lo: Float64Array;
  hi: Float64Array;
  pinned: Float64Array;
}

/** A search explores at least this many territories (half of them when there are more). */
const SEARCH_TERRITORIES = 200;
/** A stretch of at least this many searches (2k when larger) must shrink the misses … */
const STALL_SEARCHES = 200;
/** … by this share, or the balancing stops. */
const STALL_GAIN = 0.01;

/** Σ over territories of how far each load is outside its band. */
function totalMiss(load: Float64Array, band: Band): number {
  let sum = 0;
  for (let t = 0; t < load.length; t++) {
    sum += Math.max(0, band.lo[t]! - load[t]!, load[t]! - band.hi[t]!);
  }
  return sum;
}

/** An assignment with the prices that make it optimal for its loads. */
export interface PriceState {
  /** Price of a unit of load in each territory (cost units per load unit). */
  readonly price: Float64Array;
  /** Load of each territory, pinned (locked) load included. */
  readonly load: Float64Array;
  /** Each atom's territory, and the candidate slot it sits in. */
  readonly territory: Int32Array;
  readonly slot: Uint8Array;
}

export function allocateState(count: number, k: number, price?: Float64Array): PriceState {
  return {
    price: price ?? new Float64Array(k),
    load: new Float64Array(k),
    territory: new Int32Array(count),
    slot: new Uint8Array(count),
  };
}

/**
 * Puts every atom on its cheapest candidate at the current prices (cost + load × price; ties to
 * the nearer slot) and recomputes the loads. Such an assignment is optimal for the loads it
 * gives: the prices are its certificate.
 */
export function settleAll(
  b: Float64Array,
  cands: Candidates,
  band: Band,
  state: PriceState,
  count: number,
): void {
  const C = cands.width;
  state.load.set(band.pinned);
  for (let a = 0; a < count; a++) {
    const o = a * C;
    const bb = b[a]!;
    let best = 0;
    let bestValue = Number.POSITIVE_INFINITY;
    for (let s = 0; s < C; s++) {
      const t = cands.territory[o + s]!;
      if (t < 0) break;
      const v = cands.cost[o + s]! + bb * state.price[t]!;
      if (v < bestValue) {
        bestValue = v;
        best = s;
      }
    }
    const t = cands.territory[o + best]!;
    state.slot[a] = best;
    state.territory[a] = t;
    state.load[t]! += bb;
  }
}

export interface PathRunResult {
  /** Every territory ended inside its band. */
  balanced: boolean;
  /** Atom moves made. */
  moves: number;
  /**
   * Territories a failed search could reach: a group over its bands that no candidate list
   * leads out of (`sealedHigh`), or under them that none leads into (`sealedLow`); null if none.
   */
  sealedHigh: Uint8Array | null;
  sealedLow: Uint8Array | null;
}

/**
 * Brings every territory into its band by successive shortest paths on the territory graph
 * (the primal-dual method for min-cost flow, applied to the transportation relaxation).
 *
 * An edge s → t is the cheapest atom of s that lists t, at its cost per unit of load
 * (Δcost / load) plus t's price minus s's: with prices as potentials no edge is negative. From
 * a territory over its band, a Dijkstra search finds the cheapest chain of moves to a territory
 * with room (from one under its band, the cheapest chain pulling from one with spare, along
 * reversed edges); one atom moves along each edge and the prices follow the distances found,
 * so the moved atoms stay cheapest where they land and every other atom stays put. A search
 * costs what it explores (O(visited · degree · log)); a territory that no path can fix is left
 * as it is, and the group its search could reach is reported so the caller can widen the
 * candidate lists.
 */
export async function balanceByPaths(
  b: Float64Array,
  cands: Candidates,
  band: Band,
  state: PriceState,
  maxMoves: number,
  pacer: Pacer,
): Promise<PathRunResult> {
  const k = band.lo.length;
  const { price, load } = state;
  const over = (t: number): boolean => load[t]! > band.hi[t]!;
  const under = (t: number): boolean => load[t]! < band.lo[t]!;
  let inside = true;
  for (let t = 0; t < k; t++) if (over(t) || under(t)) inside = false;
  if (inside) return { balanced: true, moves: 0, sealedHigh: null, sealedLow: null };
  const graph = new TerritoryGraph(b, cands, state, k);
  await pacer.pace();
  // Only what a search touches is reset after it, so a search costs what it explores.
  const dist = new Float64Array(k).fill(Number.POSITIVE_INFINITY);
  const via = new Int32Array(k).fill(-1); // next territory towards the origin
  const viaAtom = new Int32Array(k);
  const done = new Uint8Array(k);
  const visited: number[] = [];
  // Territories no search can fix in their direction (1: over its band, 2: under it).
  const stuck = new Uint8Array(k);
  const heap = new NodeHeap(dist);
  // Territories outside their bands, first in first out.
  const queue: number[] = [];
  const queued = new Uint8Array(k);
  const enqueue = (t: number): void => {
    if (queued[t] === 0 && ((over(t) && stuck[t] !== 1) || (under(t) && stuck[t] !== 2))) {
      queued[t] = 1;
      queue.push(t);
    }
  };
  for (let t = 0; t < k; t++) enqueue(t);
  let head = 0;
  let moves = 0;
  let searches = 0;
  let sealedHigh: Uint8Array | null = null;
  let sealedLow: Uint8Array | null = null;
  // Lumpy atoms can make the moves go round in circles: stop once a stretch of searches no
  // longer shrinks the total miss of the bands.
  const stretch = Math.max(STALL_SEARCHES, 2 * k);
  // A search explores at most this many territories: chains longer than that are not worth it.
  const maxPops = Math.max(SEARCH_TERRITORIES, k >> 1);
  let stretchStart = totalMiss(load, band);

  while (moves < maxMoves && head < queue.length) {
    const origin = queue[head++]!;
    queued[origin] = 0;
    const forward = over(origin);
    if (!forward && !under(origin)) continue;
    if (stuck[origin] === (forward ? 1 : 2)) continue;
    if (++searches % 16 === 0) await pacer.pace();
    if (searches % stretch === 0) {
      const miss = totalMiss(load, band);
      if (miss > stretchStart * (1 - STALL_GAIN)) break;
      stretchStart = miss;
    }
    dist[origin] = 0;
    visited.push(origin);
    heap.clear();
    heap.push(origin);
    let found = -1;
    let pops = 0;
    while (heap.size > 0 && pops < maxPops) {
      const u = heap.pop();
      if (done[u] === 1) continue;
      done[u] = 1;
      pops++;
      if (u !== origin) {
        const moving = b[viaAtom[u]!]!;
        const fits = forward ? load[u]! + moving <= band.hi[u]! : load[u]! - moving >= band.lo[u]!;
        if (fits) {
          found = u;
          break;
        }
      }
      // Forward: out-edges u → t (an atom of u moves to t). Backward: in-edges s → u, walked
      // from u (an atom of s would move to u).
      if (forward) graph.ensure(u);
      else graph.ensureInto(u);
      for (const pair of forward ? graph.outPairs[u]! : graph.inPairs[u]!) {
        const t = forward ? graph.pairTo[pair]! : graph.pairFrom[pair]!;
        if (done[t] === 1) continue;
        const key = graph.peek(pair);
        if (key === Number.POSITIVE_INFINITY) continue;
        const w = Math.max(0, forward ? key + price[t]! - price[u]! : key + price[u]! - price[t]!);
        if (dist[u]! + w < dist[t]!) {
          if (dist[t] === Number.POSITIVE_INFINITY) visited.push(t);
          dist[t] = dist[u]! + w;
          via[t] = u;
          viaAtom[t] = graph.peekedAtom;
          heap.push(t);
        }
      }
    }
    if (found < 0) {
      // Nothing within reach has room (or spare): this one stays as it is. When the search
      // ran out of territories (not of its budget), the group it could reach is reported so
      // the caller can widen the candidate lists.
      stuck[origin] = forward ? 1 : 2;
      if (pops < maxPops) {
        const sealed = forward
          ? (sealedHigh ??= new Uint8Array(k))
          : (sealedLow ??= new Uint8Array(k));
        for (const t of visited) if (done[t] === 1) sealed[t] = 1;
      }
    } else {
      // Prices: territories the search reached move by their distance, capped at the sink's,
      // which keeps every atom on its cheapest candidate and makes the path's edges tight.
      // (The territories it did not reach would all move by the cap: the same prices up to a
      // common shift, which changes no atom's choice, so they are left alone.)
      const reach = dist[found]!;
      for (const t of visited) {
        const d = reach - Math.min(dist[t]!, reach);
        price[t]! += forward ? d : -d;
      }
      // Walk the path from the sink (or giver) back to the origin, one atom per edge.
      let v = found;
      while (v !== origin) {
        const a = viaAtom[v]!;
        const next = via[v]!;
        if (forward) graph.move(a, next, v);
        else graph.move(a, v, next);
        moves++;
        enqueue(v);
        v = next;
      }
      enqueue(origin);
    }
    for (const t of visited) {
      dist[t] = Number.POSITIVE_INFINITY;
      via[t] = -1;
      done[t] = 0;
    }
    visited.length = 0;
  }
  let balanced = true;
  for (let t = 0; t < k; t++) if (over(t) || under(t)) balanced = false;
  return { balanced, moves, sealedHigh, sealedLow };
}

/**
 * Lowers the cost of a balanced assignment by moving load between territories inside their
 * bands. {@link balanceByPaths} stops as soon as every territory is inside its band, and the
 * prices it leaves can still charge a territory with room (a chain it once passed through):
 * the assignment is then optimal for its loads but not for the band, whose optimum only charges
 * a territory at its edge. From each territory with load to spare, a Dijkstra search on the
 * territory graph (prices as potentials, as in {@link balanceByPaths}) finds the chain of moves
 * to a territory with room that saves most per unit of load; the chain moves when it keeps every
 * territory in its band and lowers the real cost, and the prices follow the distances found, so
 * every atom stays on its cheapest candidate. Stops when a pass over the territories saves
 * nothing, or after `maxMoves` atom moves. Returns the moves made.
 */
export async function improveByPaths(
  b: Float64Array,
  cands: Candidates,
  band: Band,
  state: PriceState,
  maxMoves: number,
  pacer: Pacer,
): Promise<number> {
  const k = band.lo.length;
  if (k < 2) return 0;
  const { price, load } = state;
  const graph = new TerritoryGraph(b, cands, state, k);
  await pacer.pace();
  const dist = new Float64Array(k).fill(Number.POSITIVE_INFINITY);
  const via = new Int32Array(k).fill(-1);
  const viaAtom = new Int32Array(k);
  const done = new Uint8Array(k);
  const visited: number[] = [];
  const heap = new NodeHeap(dist);
  const maxPops = Math.max(SEARCH_TERRITORIES, k >> 1);
  const queue: number[] = [];
  const queued = new Uint8Array(k);
  const enqueue = (t: number): void => {
    if (queued[t] === 0) {
      queued[t] = 1;
      queue.push(t);
    }
  };
  for (let t = 0; t < k; t++) enqueue(t);
  const change = new Float64Array(k);
  const mark = new Uint8Array(k);
  const touched: number[] = [];
  let head = 0;
  let moves = 0;
  let searches = 0;
  while (moves < maxMoves && head < queue.length) {
    const origin = queue[head++]!;
    queued[origin] = 0;
    if (!(load[origin]! > band.lo[origin]!)) continue;
    if (++searches % 16 === 0) await pacer.pace();
    dist[origin] = 0;
    visited.push(origin);
    heap.clear();
    heap.push(origin);
    // The sink saving most per unit: Σ key along the chain = dist − price[sink] + price[origin].
    let sink = -1;
    let saving = 0;
    let pops = 0;
    while (heap.size > 0 && pops < maxPops) {
      const u = heap.pop();
      if (done[u] === 1) continue;
      done[u] = 1;
      pops++;
      if (u !== origin) {
        const perUnit = dist[u]! - price[u]! + price[origin]!;
        if (perUnit < saving && load[u]! + b[viaAtom[u]!]! <= band.hi[u]!) {
          saving = perUnit;
          sink = u;
        }
      }
      graph.ensure(u);
      for (const pair of graph.outPairs[u]!) {
        const t = graph.pairTo[pair]!;
        if (done[t] === 1) continue;
        const key = graph.peek(pair);
        if (key === Number.POSITIVE_INFINITY) continue;
        const w = Math.max(0, key + price[t]! - price[u]!);
        if (dist[u]! + w < dist[t]!) {
          if (dist[t] === Number.POSITIVE_INFINITY) visited.push(t);
          dist[t] = dist[u]! + w;
          via[t] = u;
          viaAtom[t] = graph.peekedAtom;
          heap.push(t);
        }
      }
    }
    if (sink >= 0 && chainHolds(sink, origin)) {
      const reach = dist[sink]!;
      for (const t of visited) {
        if (done[t] === 1) price[t]! += reach - Math.min(dist[t]!, reach);
      }
      let v = sink;
      while (v !== origin) {
        const next = via[v]!;
        graph.move(viaAtom[v]!, next, v);
        moves++;
        enqueue(v);
        v = next;
      }
      enqueue(origin);
    }
    for (const t of visited) {
      dist[t] = Number.POSITIVE_INFINITY;
      via[t] = -1;
      done[t] = 0;
    }
    visited.length = 0;
  }
  return moves;

  /** Whether the chain into `sink` keeps every territory in its band and saves real cost. */
  function chainHolds(sink: number, origin: number): boolean {
    let saved = 0;
    let v = sink;
    while (v !== origin) {
      const a = viaAtom[v]!;
      const from = via[v]!;
      const o = a * cands.width;
      let slot = 0;
      while (cands.territory[o + slot] !== v) slot++;
      saved += cands.cost[o + state.slot[a]!]! - cands.cost[o + slot]!;
      for (const t of [v, from]) {
        if (mark[t] === 1) continue;
        mark[t] = 1;
        touched.push(t);
      }
      change[v]! += b[a]!;
      change[from]! -= b[a]!;
      v = from;
    }
    let holds = saved > 1e-12 * Math.abs(saved + 1);
    for (const t of touched) {
      const next = load[t]! + change[t]!;
      if (next > band.hi[t]! || next < band.lo[t]!) holds = false;
      change[t] = 0;
      mark[t] = 0;
    }
    touched.length = 0;
    return holds;
  }
}

/** A dense k × k table of pair indexes up to this many territories, a map beyond. */
const DENSE_PAIRS = 2048;

/**
 * The territory graph: an edge s → t for every pair where some atom of s lists t, holding a
 * min-heap of those atoms by Δcost / load (static within a run, since costs are). A territory's
 * heaps are built the first time a search needs its edges, so a run that needs few moves costs
 * little more than one pass over the candidate lists. A move pushes the atom into its new
 * territory's heaps and leaves stale entries behind, skipped when they surface (the atom is no
 * longer in s): O(candidates × log) per move.
 */
class TerritoryGraph {
  readonly #b: Float64Array;
  readonly #cands: Candidates;
  readonly #state: PriceState;
  readonly #k: number;
  readonly #pairIndex: Int32Array | null;
  readonly #pairMap = new Map<number, number>();
  readonly pairFrom: number[] = [];
  readonly pairTo: number[] = [];
  readonly #keys: number[][] = [];
  readonly #atoms: number[][] = [];
  readonly outPairs: number[][];
  readonly inPairs: number[][];
  /** For each territory, the territories with an atom that lists it (in-edges to be built). */
  readonly sources: number[][];
  readonly #isSource: Uint8Array | null;
  readonly #sourceSet = new Set<number>();
  readonly #memberStart: Int32Array;
  readonly #members: Int32Array;
  readonly #arrivals: number[][];
  readonly #built: Uint8Array;
  /** The atom behind the last `peek`. */
  peekedAtom = -1;

  constructor(b: Float64Array, cands: Candidates, state: PriceState, k: number) {
    this.#b = b;
    this.#cands = cands;
    this.#state = state;
    this.#k = k;
    const dense = k <= DENSE_PAIRS;
    this.#pairIndex = dense ? new Int32Array(k * k).fill(-1) : null;
    this.#isSource = dense ? new Uint8Array(k * k) : null;
    this.outPairs = Array.from({ length: k }, () => []);
    this.inPairs = Array.from({ length: k }, () => []);
    this.sources = Array.from({ length: k }, () => []);
    this.#arrivals = Array.from({ length: k }, () => []);
    this.#built = new Uint8Array(k);
    const count = state.territory.length;
    const start = new Int32Array(k + 1);
    for (let a = 0; a < count; a++) start[state.territory[a]! + 1]!++;
    for (let t = 0; t < k; t++) start[t + 1]! += start[t]!;
    const fill = start.slice(0, k);
    const members = new Int32Array(count);
    for (let a = 0; a < count; a++) {
      const s = state.territory[a]!;
      members[fill[s]!++] = a;
      this.#noteSources(a, s);
    }
    this.#memberStart = start;
    this.#members = members;
  }

  /** Records that territory s can send atom a's way: s is a source of each of a's candidates. */
  #noteSources(a: number, s: number): void {
    if (!(this.#b[a]! > 0)) return;
    const cands = this.#cands;
    const C = cands.width;
    const o = a * C;
    for (let j = 0; j < C; j++) {
      const t = cands.territory[o + j]!;
      if (t < 0) break;
      if (t === s) continue;
      const id = t * this.#k + s;
      if (this.#isSource) {
        if (this.#isSource[id] === 1) continue;
        this.#isSource[id] = 1;
      } else {
        if (this.#sourceSet.has(id)) continue;
        this.#sourceSet.add(id);
      }
      this.sources[t]!.push(s);
    }
  }

  /** Builds the heaps of territory s (its out-edges) if no search needed them before. */
  ensure(s: number): void {
    if (this.#built[s] === 1) return;
    this.#built[s] = 1;
    const territory = this.#state.territory;
    for (let i = this.#memberStart[s]!; i < this.#memberStart[s + 1]!; i++) {
      const a = this.#members[i]!;
      if (territory[a] === s) this.#pushAtom(a, s);
    }
    for (const a of this.#arrivals[s]!) if (territory[a] === s) this.#pushAtom(a, s);
    this.#arrivals[s]!.length = 0;
  }

  /** Builds the heaps of every territory with an edge into u. */
  ensureInto(u: number): void {
    for (const s of this.sources[u]!) this.ensure(s);
  }

  #pushAtom(a: number, s: number): void {
    const bb = this.#b[a]!;
    if (!(bb > 0)) return;
    const cands = this.#cands;
    const C = cands.width;
    const o = a * C;
    const here = cands.cost[o + this.#state.slot[a]!]!;
    for (let j = 0; j < C; j++) {
      const t = cands.territory[o + j]!;
      if (t < 0) break;
      if (t === s) continue;
      const pair = this.#pair(s, t);
      heapPush(this.#keys[pair]!, this.#atoms[pair]!, (cands.cost[o + j]! - here) / bb, a);
    }
  }

  #pair(s: number, t: number): number {
    const id = s * this.#k + t;
    let pair = this.#pairIndex ? this.#pairIndex[id]! : (this.#pairMap.get(id) ?? -1);
    if (pair < 0) {
      pair = this.pairFrom.length;
      if (this.#pairIndex) this.#pairIndex[id] = pair;
      else this.#pairMap.set(id, pair);
      this.pairFrom.push(s);
      this.pairTo.push(t);
      this.#keys.push([]);
      this.#atoms.push([]);
      this.outPairs[s]!.push(pair);
      this.inPairs[t]!.push(pair);
    }
    return pair;
  }

  /** The cheapest key on an edge (its atom in `peekedAtom`), +Infinity when none is left. */
  peek(pair: number): number {
    const keys = this.#keys[pair]!;
    const atoms = this.#atoms[pair]!;
    const s = this.pairFrom[pair]!;
    const territory = this.#state.territory;
    while (atoms.length > 0 && territory[atoms[0]!] !== s) heapPop(keys, atoms);
    if (atoms.length === 0) return Number.POSITIVE_INFINITY;
    this.peekedAtom = atoms[0]!;
    return keys[0]!;
  }

  /** Moves atom a from territory `from` to `to` (one of its candidates). */
  move(a: number, from: number, to: number): void {
    const state = this.#state;
    const cands = this.#cands;
    const o = a * cands.width;
    let slot = 0;
    while (cands.territory[o + slot] !== to) slot++;
    state.territory[a] = to;
    state.slot[a] = slot;
    state.load[from]! -= this.#b[a]!;
    state.load[to]! += this.#b[a]!;
    this.#noteSources(a, to);
    if (this.#built[to] === 1) this.#pushAtom(a, to);
    else this.#arrivals[to]!.push(a);
  }
}

function heapPush(keys: number[], atoms: number[], key: number, atom: number): void {
  keys.push(key);
  atoms.push(atom);
  let i = keys.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pk = keys[parent]!;
    if (pk < key || (pk === key && atoms[parent]! < atom)) break;
    keys[i] = pk;
    atoms[i] = atoms[parent]!;
    i = parent;
  }
  keys[i] = key;
  atoms[i] = atom;
}

function heapPop(keys: number[], atoms: number[]): void {
  const key = keys.pop()!;
  const atom = atoms.pop()!;
  const n = keys.length;
  if (n === 0) return;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    let c = l;
    if (r < n && (keys[r]! < keys[l]! || (keys[r] === keys[l] && atoms[r]! < atoms[l]!))) c = r;
    if (key < keys[c]! || (key === keys[c] && atom < atoms[c]!)) break;
    keys[i] = keys[c]!;
    atoms[i] = atoms[c]!;
    i = c;
  }
  keys[i] = key;
  atoms[i] = atom;
}

/** A binary min-heap of territories by distance at push time (stale entries are skipped by the caller). */
class NodeHeap {
  readonly #dist: Float64Array;
  #keys: number[] = [];
  #nodes: number[] = [];

  constructor(dist: Float64Array) {
    this.#dist = dist;
  }

  get size(): number {
    return this.#nodes.length;
  }

  clear(): void {
    this.#keys.length = 0;
    this.#nodes.length = 0;
  }

  push(node: number): void {
    const keys = this.#keys;
    const nodes = this.#nodes;
    keys.push(this.#dist[node]!);
    nodes.push(node);
    let i = nodes.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(i, parent)) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  pop(): number {
    const keys = this.#keys;
    const nodes = this.#nodes;
    const top = nodes[0]!;
    const lastKey = keys.pop()!;
    const lastNode = nodes.pop()!;
    if (nodes.length > 0) {
      keys[0] = lastKey;
      nodes[0] = lastNode;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < nodes.length && this.#before(l, m)) m = l;
        if (r < nodes.length && this.#before(r, m)) m = r;
        if (m === i) break;
        this.#swap(i, m);
        i = m;
      }
    }
    return top;
  }

  #before(i: number, j: number): boolean {
    const ki = this.#keys[i]!;
    const kj = this.#keys[j]!;
    return ki < kj || (ki === kj && this.#nodes[i]! < this.#nodes[j]!);
  }

  #swap(i: number, j: number): void {
    const key = this.#keys[i]!;
    this.#keys[i] = this.#keys[j]!;
    this.#keys[j] = key;
    const node = this.#nodes[i]!;
    this.#nodes[i] = this.#nodes[j]!;
    this.#nodes[j] = node;
  }
}

/** Prices are tightened for up to this many territories (a dense k × k table of edges). */
const TIGHTEN_TERRITORIES = 2048;
const TIGHTEN_SWEEPS = 30;

/**
 * Moves every price as close to 0 as the current assignment allows, without moving an atom: each
 * territory's price is clamped into the interval that keeps every atom on its cheapest
 * candidate (λ_t ∈ [max_s λ_s − e_st, min_u λ_u + e_tu], e the cheapest Δcost / load of an edge),
 * sweep after sweep. Territories with slack in their band end near 0 and only those that need
 * it keep a price, so the prices stay meaningful when the centres move and the next round
 * starts from them.
 */
export function tightenPrices(
  b: Float64Array,
  cands: Candidates,
  state: PriceState,
  k: number,
): void {
  if (k > TIGHTEN_TERRITORIES || k < 2) return;
  const C = cands.width;
  const edge = new Float64Array(k * k).fill(Number.POSITIVE_INFINITY);
  const count = state.territory.length;
  for (let a = 0; a < count; a++) {
    const bb = b[a]!;
    if (!(bb > 0)) continue;
    const s = state.territory[a]!;
    const o = a * C;
    const here = cands.cost[o + state.slot[a]!]!;
    for (let j = 0; j < C; j++) {
      const t = cands.territory[o + j]!;
      if (t < 0) break;
      if (t === s) continue;
      const key = (cands.cost[o + j]! - here) / bb;
      if (key < edge[s * k + t]!) edge[s * k + t] = key;
    }
  }
  const outStart = new Int32Array(k + 1);
  const inStart = new Int32Array(k + 1);
  for (let s = 0; s < k; s++) {
    for (let t = 0; t < k; t++) {
      if (edge[s * k + t]! < Number.POSITIVE_INFINITY) {
        outStart[s + 1]!++;
        inStart[t + 1]!++;
      }
    }
  }
  for (let t = 0; t < k; t++) {
    outStart[t + 1]! += outStart[t]!;
    inStart[t + 1]! += inStart[t]!;
  }
  const outTo = new Int32Array(outStart[k]!);
  const inFrom = new Int32Array(inStart[k]!);
  const outFill = outStart.slice(0, k);
  const inFill = inStart.slice(0, k);
  for (let s = 0; s < k; s++) {
    for (let t = 0; t < k; t++) {
      if (edge[s * k + t]! < Number.POSITIVE_INFINITY) {
        outTo[outFill[s]!++] = t;
        inFrom[inFill[t]!++] = s;
      }
    }
  }
  const price = state.price;
  for (let sweep = 0; sweep < TIGHTEN_SWEEPS; sweep++) {
    let change = 0;
    let scale = 0;
    for (let t = 0; t < k; t++) {
      let lower = Number.NEGATIVE_INFINITY;
      let upper = Number.POSITIVE_INFINITY;
      for (let i = inStart[t]!; i < inStart[t + 1]!; i++) {
        const s = inFrom[i]!;
        lower = Math.max(lower, price[s]! - edge[s * k + t]!);
      }
      for (let i = outStart[t]!; i < outStart[t + 1]!; i++) {
        const u = outTo[i]!;
        upper = Math.min(upper, price[u]! + edge[t * k + u]!);
      }
      if (!(lower <= upper)) continue;
      const next = Math.min(upper, Math.max(lower, 0));
      change = Math.max(change, Math.abs(next - price[t]!));
      scale = Math.max(scale, Math.abs(next));
      price[t] = next;
    }
    if (change <= 1e-9 * (scale + 1e-300)) break;
  }
}
