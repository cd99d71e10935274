import { TesseraError } from '@tessera/core';

/**
 * A sparse transportation problem: ship every source's supply to sinks over the source's arcs
 * at the lowest total cost, no sink receiving more than its capacity. Arcs are stored by
 * source (compressed rows): the arcs of source i are `arcStart[i] .. arcStart[i + 1]`.
 */
export interface TransportationProblem {
  /** Units each source must ship, ≥ 0. */
  readonly supply: ArrayLike<number>;
  /** Units each sink can receive, ≥ 0 (`Infinity` for no limit). */
  readonly capacity: ArrayLike<number>;
  /** Length sources + 1, non-decreasing, `arcStart[0] = 0`. */
  readonly arcStart: ArrayLike<number>;
  /** The sink of each arc. */
  readonly arcSink: Int32Array;
  /** Cost per unit shipped on each arc (finite). */
  readonly arcCost: Float64Array;
}

export interface TransportationOptions {
  /**
   * Warm start: a price per sink. Each source starts on the arc with the lowest cost + price,
   * so prices from a coarser version of the same problem leave little to repair.
   */
  readonly prices?: ArrayLike<number>;
  /**
   * Cost per unit by which the result may exceed the optimum along any exchange path: after a
   * search, the same path is reused while its reduced cost stays within this, which saves most
   * searches on large problems. 0 (the default) solves exactly.
   */
  readonly tolerance?: number;
  /** Called every few augmentations so a caller can check for cancellation and yield. */
  readonly pause?: () => void | Promise<void>;
  /** Share of the initial over-capacity already resolved, in [0, 1], non-decreasing. */
  readonly onProgress?: (fraction: number) => void;
}

export interface TransportationSolution {
  /** Units shipped on each arc. */
  readonly flow: Float64Array;
  /**
   * A price per sink such that every arc carrying flow has the lowest cost + price among its
   * source's arcs (to within `tolerance`): the certificate that the flow is optimal for the
   * loads it produces.
   */
  readonly prices: Float64Array;
  /** Units received by each sink. */
  readonly load: Float64Array;
  /** Σ flow × cost. */
  readonly cost: number;
  /**
   * Units left above capacity because no sequence of moves could place them (0 when the
   * capacities can take every supply). The flow still ships every unit.
   */
  readonly overflow: number;
  /** Number of augmenting paths used. */
  readonly augmentations: number;
  /** Number of shortest-path searches run (fewer than augmentations with a tolerance). */
  readonly searches: number;
}

/** Searches between two calls of `pause`. */
const PAUSE_EVERY = 4;
/** Sources indexed between two calls of `pause` while building a sink's move heaps. */
const BUILD_SLICE = 32_768;
/** Augmentations along one path before searching again (with a tolerance). */
const MAX_REPEATS = 1024;
/** `augmentFrom` outcomes; any other value is the sink whose heaps must be built first. */
const AUGMENTED = -1;
const NO_PATH = -2;

/**
 * Solves the transportation problem exactly (as a linear program: a source's supply may be
 * split between sinks) by successive shortest paths on the sinks' exchange graph.
 *
 * Every source starts on its cheapest arc (cost + warm-start price), which is a min-cost flow
 * for the loads it produces; sinks above capacity then push units to sinks with room along
 * shortest paths, where an edge r → s means "some source shipping to r ships to s instead" and
 * costs the cheapest such change. A terminal node T stands for the sinks' capacities, so a
 * warm start whose prices do not fit the final loads is repaired too (a sink priced above the
 * rest must fill up or give up its price). Node potentials (the prices) keep reduced costs
 * non-negative, so each path is found by Dijkstra on the sinks only: the many sources never
 * enter the search, which costs O(settled sinks × sinks). Each edge's candidates live in a
 * lazy-deletion binary heap keyed by the (constant) cost difference, built the first time the
 * search leaves that sink, and the heap tops are cached as a sinks × sinks matrix.
 *
 * With `tolerance` ε > 0 every residual edge keeps a reduced cost ≥ −ε instead of ≥ 0
 * (ε-complementary slackness), which bounds how far the cost can be from the optimum.
 * Sinks that no path can relieve keep their excess and `overflow` reports it.
 */
export async function solveTransportation(
  problem: TransportationProblem,
  options: TransportationOptions = {},
): Promise<TransportationSolution> {
  const prices = validPrices(problem, options.prices);
  const start = await startingFlow(problem, prices, options.pause);
  const solver = new ExchangeSolver(problem, prices, start, options.tolerance ?? 0);
  const initialExcess = solver.totalExcess();
  let augmentations = 0;
  let searches = 0;
  let sinceRetry = 0;
  let reported = 0;
  for (;;) {
    if (searches++ % PAUSE_EVERY === 0) {
      await options.pause?.();
      if (initialExcess > 0) {
        reported = Math.max(reported, 1 - solver.totalExcess() / initialExcess);
        options.onProgress?.(reported);
      }
    }
    const origin = solver.nextOrigin();
    if (origin < 0) {
      // A node found stuck may have gained a way out since: retry them while that helps.
      if (sinceRetry === 0 || !solver.unstick()) break;
      sinceRetry = 0;
      continue;
    }
    const outcome = solver.augmentFrom(origin);
    if (outcome === AUGMENTED) {
      augmentations++;
      sinceRetry++;
    } else if (outcome === NO_PATH) {
      solver.markStuck(origin);
    } else {
      // The search reached a sink whose moves are not indexed yet: index them in slices
      // (a sink may hold most of the sources), then search again.
      await solver.build(outcome, options.pause);
    }
  }
  options.onProgress?.(1);
  return solver.result(augmentations + solver.repeats, searches);
}

/** The binary heap of possible moves from one sink to another, lowest cost difference first. */
class MoveHeap {
  from: Int32Array;
  to: Int32Array;
  key: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.from = new Int32Array(Math.max(4, capacity));
    this.to = new Int32Array(Math.max(4, capacity));
    this.key = new Float64Array(Math.max(4, capacity));
  }

  /** Appends without ordering; call `heapify` before reading. */
  append(from: number, to: number, key: number): void {
    if (this.size === this.key.length) this.#grow();
    this.from[this.size] = from;
    this.to[this.size] = to;
    this.key[this.size] = key;
    this.size++;
  }

  push(from: number, to: number, key: number): void {
    this.append(from, to, key);
    this.#up(this.size - 1);
  }

  heapify(): void {
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.#down(i);
  }

  pop(): void {
    this.size--;
    if (this.size > 0) {
      this.#move(this.size, 0);
      this.#down(0);
    }
  }

  #less(i: number, j: number): boolean {
    const ki = this.key[i]!;
    const kj = this.key[j]!;
    // Equal keys are ordered by arc so the answer never depends on insertion history.
    if (ki !== kj) return ki < kj;
    const ti = this.to[i]!;
    const tj = this.to[j]!;
    return ti < tj || (ti === tj && this.from[i]! < this.from[j]!);
  }

  #move(src: number, dst: number): void {
    this.from[dst] = this.from[src]!;
    this.to[dst] = this.to[src]!;
    this.key[dst] = this.key[src]!;
  }

  #swap(i: number, j: number): void {
    const f = this.from[i]!;
    const t = this.to[i]!;
    const k = this.key[i]!;
    this.#move(j, i);
    this.from[j] = f;
    this.to[j] = t;
    this.key[j] = k;
  }

  #up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(i, parent)) return;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #down(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) return;
      const right = left + 1;
      const child = right < this.size && this.#less(right, left) ? right : left;
      if (!this.#less(child, i)) return;
      this.#swap(i, child);
      i = child;
    }
  }

  #grow(): void {
    const n = this.key.length * 2;
    const from = new Int32Array(n);
    const to = new Int32Array(n);
    const key = new Float64Array(n);
    from.set(this.from);
    to.set(this.to);
    key.set(this.key);
    this.from = from;
    this.to = to;
    this.key = key;
  }
}

/** The warm-start prices, checked (non-finite entries count as 0); zeros without any. */
function validPrices(
  problem: TransportationProblem,
  prices: ArrayLike<number> | undefined,
): Float64Array {
  const m = problem.capacity.length;
  const out = new Float64Array(m);
  if (prices === undefined) return out;
  if (prices.length !== m) {
    throw new TesseraError(
      'INVALID_PROBLEM',
      `transportation: ${m} sinks but ${prices.length} warm-start prices`,
    );
  }
  for (let r = 0; r < m; r++) out[r] = Number.isFinite(prices[r]) ? prices[r]! : 0;
  return out;
}

/** Every source on its cheapest arc (cost + price), with what the solver derives from that. */
interface StartingFlow {
  arcSource: Int32Array;
  flow: Float64Array;
  load: Float64Array;
  /** Each source's arc, −1 for a source without supply. */
  chosen: Int32Array;
  /** Sources per sink. */
  memberCount: Int32Array;
  total: number;
}

/** Sources placed between two pauses while building the starting flow. */
const START_SLICE = 16_384;

async function startingFlow(
  problem: TransportationProblem,
  prices: Float64Array,
  pause: (() => void | Promise<void>) | undefined,
): Promise<StartingFlow> {
  const { supply, capacity, arcStart, arcSink, arcCost } = problem;
  const n = supply.length;
  const m = capacity.length;
  const arcs = arcSink.length;
  if (arcStart.length !== n + 1 || arcStart[0] !== 0 || arcStart[n] !== arcs) {
    throw new TesseraError(
      'INVALID_PROBLEM',
      `transportation: arcStart must have ${n + 1} offsets from 0 to ${arcs}`,
    );
  }
  if (arcCost.length !== arcs) {
    throw new TesseraError(
      'INVALID_PROBLEM',
      `transportation: ${arcs} arcs but ${arcCost.length} costs`,
    );
  }
  const arcSource = new Int32Array(arcs);
  const flow = new Float64Array(arcs);
  const load = new Float64Array(m);
  const chosen = new Int32Array(n).fill(-1);
  const memberCount = new Int32Array(m);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (i % START_SLICE === START_SLICE - 1) await pause?.();
    const s = supply[i]!;
    if (!(s >= 0) || !Number.isFinite(s)) {
      throw new TesseraError('INVALID_PROBLEM', `transportation: source ${i} has supply ${s}`);
    }
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let a = arcStart[i]!; a < arcStart[i + 1]!; a++) {
      arcSource[a] = i;
      const sink = arcSink[a]!;
      if (!(sink >= 0 && sink < m)) {
        throw new TesseraError(
          'INVALID_PROBLEM',
          `transportation: arc ${a} of source ${i} names sink ${sink}, there are ${m}`,
        );
      }
      if (!Number.isFinite(arcCost[a]!)) {
        throw new TesseraError(
          'INVALID_PROBLEM',
          `transportation: arc ${a} has cost ${arcCost[a]}`,
        );
      }
      const c = arcCost[a]! + prices[sink]!;
      if (c < bestCost) {
        bestCost = c;
        best = a;
      }
    }
    if (s === 0) continue;
    if (best < 0) {
      throw new TesseraError(
        'INVALID_PROBLEM',
        `transportation: source ${i} has supply ${s} and no arc`,
      );
    }
    chosen[i] = best;
    flow[best] = s;
    load[arcSink[best]!]! += s;
    memberCount[arcSink[best]!]!++;
    total += s;
  }
  return { arcSource, flow, load, chosen, memberCount, total };
}

/**
 * The solver's state. Nodes are the sinks 0 … m−1 and a terminal T = m that collects what the
 * sinks keep: `kept[r]` units of sink r's load count against its capacity (the flow on r → T).
 * A node's imbalance is what it holds beyond that: a sink with load above `kept` has excess, a
 * sink made to keep more than its load (see the constructor) has a deficit, and T has a
 * deficit while Σ kept < Σ supply. Every search runs from a node with excess to the nearest
 * node with a deficit.
 *
 * Residual edges, with reduced costs under `price` (non-negative by invariant):
 * - r → s, "a source shipping on arc a into r ships on arc b into s instead":
 *   cost[b] + price[s] − cost[a] − price[r], while flow[a] > 0;
 * - r → T, "r keeps one more unit": price[T] − price[r], while kept[r] < capacity[r];
 * - T → r, "r keeps one unit less": price[r] − price[T], while kept[r] > 0.
 */
class ExchangeSolver {
  readonly #sinks: number;
  readonly #arcStart: ArrayLike<number>;
  readonly #arcSink: Int32Array;
  readonly #arcCost: Float64Array;
  readonly #arcSource: Int32Array;
  readonly #capacity: Float64Array;
  readonly #flow: Float64Array;
  readonly #load: Float64Array;
  readonly #kept: Float64Array;
  /** Σ kept − Σ supply: T's imbalance. */
  #terminalImbalance: number;
  /** Sink prices, then T's. */
  readonly #price: Float64Array;
  /** Below this, an imbalance or a flow counts as zero (float sums are not exact). */
  readonly #eps: number;
  /** Arcs that received flow into each sink before that sink's heaps were built. */
  readonly #members: Int32Array[];
  readonly #memberCount: Int32Array;
  readonly #built: Uint8Array;
  readonly #stuck: Uint8Array;
  readonly #heaps: (MoveHeap | undefined)[];
  #nextOrigin = 0;
  readonly #tolerance: number;
  /** Augmentations that reused the previous search. */
  repeats = 0;
  /**
   * The cheapest move key from sink r to sink s at `r × m + s` (+∞ when none), so a search
   * relaxes a row of plain numbers. A row is `dirty` when a move on it may have gone stale
   * (flow left sink r): it is refreshed from the heaps before its next use.
   */
  readonly #edgeKey: Float64Array;
  readonly #dirty: Uint8Array;
  // Dijkstra scratch, reused across searches.
  readonly #dist: Float64Array;
  readonly #settled: Uint8Array;
  readonly #predNode: Int32Array;
  /** The arcs moved along the current path, target first. */
  readonly #pathFrom: Int32Array;
  readonly #pathTo: Int32Array;

  constructor(
    problem: TransportationProblem,
    prices: Float64Array,
    start: StartingFlow,
    tolerance: number,
  ) {
    const { capacity, arcStart, arcSink, arcCost } = problem;
    const n = problem.supply.length;
    const m = capacity.length;
    this.#sinks = m;
    this.#tolerance = tolerance > 0 ? tolerance : 0;
    this.#arcStart = arcStart;
    this.#arcSink = arcSink;
    this.#arcCost = arcCost;
    this.#kept = new Float64Array(m);
    this.#price = new Float64Array(m + 1);
    this.#price.set(prices);
    this.#built = new Uint8Array(m);
    this.#stuck = new Uint8Array(m + 1);
    this.#heaps = new Array<MoveHeap | undefined>(m * m);
    this.#dist = new Float64Array(m + 1);
    this.#settled = new Uint8Array(m + 1);
    this.#edgeKey = new Float64Array(m * m).fill(Number.POSITIVE_INFINITY);
    this.#dirty = new Uint8Array(m);
    this.#predNode = new Int32Array(m + 1);
    this.#pathFrom = new Int32Array(m + 1);
    this.#pathTo = new Int32Array(m + 1);

    const { arcSource, flow, load, chosen, memberCount, total } = start;
    this.#arcSource = arcSource;
    this.#flow = flow;
    this.#load = load;
    this.#eps = 1e-12 * Math.max(1, total);
    // No sink can use more than the whole supply: this keeps infinite capacities finite.
    this.#capacity = Float64Array.from(capacity, (c) => (c > 0 ? Math.min(c, total) : 0));
    this.#members = Array.from(
      { length: m },
      (_, r) => new Int32Array(Math.max(4, memberCount[r]!)),
    );
    this.#memberCount = new Int32Array(m);
    for (let i = 0; i < n; i++) {
      const a = chosen[i]!;
      if (a < 0) continue;
      const r = arcSink[a]!;
      this.#members[r]![this.#memberCount[r]!++] = a;
    }

    // T's price is the lowest among loaded sinks. A sink priced above it must keep its full
    // capacity (else r → T would have a negative reduced cost): when its load is below that,
    // it starts with a deficit, which the searches fill or release. Warm-start prices from a
    // coarser problem produce exactly such sinks; zero prices never do.
    let terminal = Number.POSITIVE_INFINITY;
    for (let r = 0; r < m; r++) {
      if (this.#load[r]! > 0) terminal = Math.min(terminal, this.#price[r]!);
    }
    if (!Number.isFinite(terminal)) terminal = 0;
    this.#price[m] = terminal;
    let kept = 0;
    for (let r = 0; r < m; r++) {
      const cap = this.#capacity[r]!;
      this.#kept[r] = this.#price[r]! > terminal ? cap : Math.min(this.#load[r]!, cap);
      kept += this.#kept[r]!;
    }
    this.#terminalImbalance = kept - total;
  }

  #imbalance(v: number): number {
    return v === this.#sinks ? this.#terminalImbalance : this.#load[v]! - this.#kept[v]!;
  }

  totalExcess(): number {
    let sum = 0;
    for (let v = 0; v <= this.#sinks; v++) {
      const e = this.#imbalance(v);
      if (e > this.#eps && this.#stuck[v] === 0) sum += e;
    }
    return sum;
  }

  /** The next node with excess, round-robin so every node gets its turn; -1 when none. */
  nextOrigin(): number {
    const nodes = this.#sinks + 1;
    for (let k = 0; k < nodes; k++) {
      const v = (this.#nextOrigin + k) % nodes;
      if (this.#stuck[v] === 0 && this.#imbalance(v) > this.#eps) {
        this.#nextOrigin = v;
        return v;
      }
    }
    return -1;
  }

  markStuck(v: number): void {
    this.#stuck[v] = 1;
  }

  /** Clears every stuck mark; true when there was one. */
  unstick(): boolean {
    const any = this.#stuck.includes(1);
    this.#stuck.fill(0);
    return any;
  }

  /** Builds the move heaps out of sink r from the arcs that carry flow into it. */
  async build(r: number, pause: (() => void | Promise<void>) | undefined): Promise<void> {
    const m = this.#sinks;
    const members = this.#members[r]!;
    const count = this.#memberCount[r]!;
    const perSink = new Int32Array(m);
    for (let k = 0; k < count; k++) {
      if (k % BUILD_SLICE === BUILD_SLICE - 1) await pause?.();
      const a = members[k]!;
      if (this.#flow[a]! <= this.#eps) continue;
      const i = this.#arcSource[a]!;
      for (let b = this.#arcStart[i]!; b < this.#arcStart[i + 1]!; b++) {
        if (b !== a) perSink[this.#arcSink[b]!]!++;
      }
    }
    for (let s = 0; s < m; s++) {
      // Room to grow: flow moving into r later adds moves without a copy of the whole heap.
      if (perSink[s]! > 0) this.#heaps[r * m + s] = new MoveHeap(perSink[s]! + (perSink[s]! >> 3));
    }
    for (let k = 0; k < count; k++) {
      if (k % BUILD_SLICE === BUILD_SLICE - 1) await pause?.();
      const a = members[k]!;
      if (this.#flow[a]! > this.#eps) this.#appendMoves(r, a, false);
    }
    for (let s = 0; s < m; s++) {
      const heap = this.#heaps[r * m + s];
      if (heap === undefined) continue;
      if (heap.size > BUILD_SLICE) await pause?.();
      heap.heapify();
    }
    this.#members[r] = new Int32Array(0);
    this.#memberCount[r] = 0;
    this.#built[r] = 1;
    this.#refresh(r);
  }

  /** Records the moves of arc a (into sink r) to its source's other arcs. */
  #appendMoves(r: number, a: number, ordered: boolean): void {
    const m = this.#sinks;
    const i = this.#arcSource[a]!;
    const cost = this.#arcCost[a]!;
    for (let b = this.#arcStart[i]!; b < this.#arcStart[i + 1]!; b++) {
      if (b === a) continue;
      const q = r * m + this.#arcSink[b]!;
      let heap = this.#heaps[q];
      if (heap === undefined) {
        heap = new MoveHeap(4);
        this.#heaps[q] = heap;
      }
      const key = this.#arcCost[b]! - cost;
      if (ordered) {
        heap.push(a, b, key);
        if (key < this.#edgeKey[q]!) this.#edgeKey[q] = key;
      } else {
        heap.append(a, b, key);
      }
    }
  }

  /** Flow newly arrived on arc a into sink r: its moves onward become possible. */
  #enter(r: number, a: number): void {
    if (this.#built[r] === 1) {
      this.#appendMoves(r, a, true);
      return;
    }
    let list = this.#members[r]!;
    const count = this.#memberCount[r]!;
    if (count === list.length) {
      const grown = new Int32Array(Math.max(8, list.length * 2));
      grown.set(list);
      list = grown;
      this.#members[r] = list;
    }
    list[count] = a;
    this.#memberCount[r] = count + 1;
  }

  /** The heap of live moves from r to s with the cheapest on top, or undefined. */
  #top(r: number, s: number): MoveHeap | undefined {
    const heap = this.#heaps[r * this.#sinks + s];
    if (heap === undefined) return undefined;
    // A flow at or below eps is noise (a source whose supply is that small): it never moves.
    while (heap.size > 0 && this.#flow[heap.from[0]!]! <= this.#eps) heap.pop();
    return heap.size > 0 ? heap : undefined;
  }

  /** Recomputes row r of the edge keys from the heaps. */
  #refresh(r: number): void {
    const m = this.#sinks;
    for (let s = 0; s < m; s++) {
      const heap = this.#top(r, s);
      this.#edgeKey[r * m + s] = heap === undefined ? Number.POSITIVE_INFINITY : heap.key[0]!;
    }
    this.#dirty[r] = 0;
  }

  /**
   * One Dijkstra search from `origin` over reduced costs to the nearest node with a deficit,
   * then one augmentation along the path: {@link AUGMENTED}, {@link NO_PATH} when no such
   * node is reachable, or the index of a sink that must be built before searching again.
   */
  augmentFrom(origin: number): number {
    const m = this.#sinks;
    const terminal = m;
    const dist = this.#dist;
    const settled = this.#settled;
    const price = this.#price;
    const eps = this.#eps;
    dist.fill(Number.POSITIVE_INFINITY);
    settled.fill(0);
    dist[origin] = 0;
    this.#predNode[origin] = -1;
    let target = -1;
    const predNode = this.#predNode;
    const edgeKey = this.#edgeKey;
    for (;;) {
      let u = -1;
      let best = Number.POSITIVE_INFINITY;
      for (let v = 0; v <= m; v++) {
        if (settled[v] === 0 && dist[v]! < best) {
          best = dist[v]!;
          u = v;
        }
      }
      if (u < 0) break;
      settled[u] = 1;
      if (u !== origin && this.#imbalance(u) < -eps) {
        target = u;
        break;
      }
      const du = dist[u]!;
      if (u === terminal) {
        const pt = price[terminal]!;
        for (let r = 0; r < m; r++) {
          if (settled[r] === 1 || this.#kept[r]! <= eps) continue;
          // Reduced costs are ≥ 0 by invariant; a negative one is rounding noise.
          const reduced = price[r]! - pt;
          const nd = reduced > 0 ? du + reduced : du;
          if (nd < dist[r]!) {
            dist[r] = nd;
            predNode[r] = u;
          }
        }
        continue;
      }
      if (this.#built[u] === 0) return u;
      if (this.#dirty[u] === 1) this.#refresh(u);
      const pu = price[u]!;
      const row = u * m;
      for (let s = 0; s < m; s++) {
        const key = edgeKey[row + s]!;
        if (key === Number.POSITIVE_INFINITY || settled[s] === 1) continue;
        const reduced = key + price[s]! - pu;
        const nd = reduced > 0 ? du + reduced : du;
        if (nd < dist[s]!) {
          dist[s] = nd;
          predNode[s] = u;
        }
      }
      if (settled[terminal] === 0 && this.#capacity[u]! - this.#kept[u]! > eps) {
        const reduced = price[terminal]! - pu;
        const nd = reduced > 0 ? du + reduced : du;
        if (nd < dist[terminal]!) {
          dist[terminal] = nd;
          predNode[terminal] = u;
        }
      }
    }
    if (target < 0) return NO_PATH;

    // New prices p − min(dist, D) keep every reduced cost ≥ 0 and make the path's zero.
    const reach = dist[target]!;
    for (let v = 0; v <= m; v++) price[v]! -= settled[v] === 1 ? dist[v]! : reach;

    if (!this.#augmentPath(origin, target, Number.POSITIVE_INFINITY)) return NO_PATH;
    // While the same path stays within `tolerance` of the shortest, it needs no new search.
    for (let again = 0; again < MAX_REPEATS && this.#tolerance > 0; again++) {
      if (this.#imbalance(origin) <= eps || this.#imbalance(target) >= -eps) break;
      if (!this.#augmentPath(origin, target, this.#tolerance)) break;
      this.repeats++;
    }
    return AUGMENTED;
  }

  /**
   * Moves as much as the path from `origin` to `target` (the current search tree) allows, if
   * its reduced cost with the current moves is at most `limit`; false when it is not, or when
   * an edge of it is exhausted.
   */
  #augmentPath(origin: number, target: number, limit: number): boolean {
    const m = this.#sinks;
    const terminal = m;
    const eps = this.#eps;
    const price = this.#price;
    const predNode = this.#predNode;
    // Each exchange edge moves the cheapest live move of its heap, read before anything changes.
    let amount = Math.min(this.#imbalance(origin), -this.#imbalance(target));
    let reduced = 0;
    let hops = 0;
    for (let v = target; v !== origin; v = predNode[v]!) {
      const u = predNode[v]!;
      let room: number;
      if (v === terminal) {
        room = this.#capacity[u]! - this.#kept[u]!;
        reduced += price[terminal]! - price[u]!;
      } else if (u === terminal) {
        room = this.#kept[v]!;
        reduced += price[v]! - price[terminal]!;
      } else {
        const heap = this.#top(u, v);
        if (heap === undefined) return false;
        this.#pathFrom[hops] = heap.from[0]!;
        this.#pathTo[hops] = heap.to[0]!;
        room = this.#flow[heap.from[0]!]!;
        reduced += heap.key[0]! + price[v]! - price[u]!;
      }
      if (room <= eps) return false;
      hops++;
      amount = Math.min(amount, room);
    }
    if (reduced > limit) return false;
    hops = 0;
    for (let v = target; v !== origin; v = predNode[v]!) {
      const u = predNode[v]!;
      if (v === terminal) {
        this.#kept[u]! += amount;
        this.#terminalImbalance += amount;
      } else if (u === terminal) {
        this.#kept[v]! -= amount;
        this.#terminalImbalance -= amount;
      } else {
        const from = this.#pathFrom[hops]!;
        const to = this.#pathTo[hops]!;
        // A remainder below eps is float noise: move it too rather than leave a phantom arc.
        const moved = this.#flow[from]! - amount <= eps ? this.#flow[from]! : amount;
        this.#flow[from]! -= moved;
        if (this.#flow[from] === 0) this.#dirty[u] = 1;
        const before = this.#flow[to]!;
        this.#flow[to] = before + moved;
        this.#load[u]! -= moved;
        this.#load[v]! += moved;
        if (before <= eps) this.#enter(v, to);
      }
      hops++;
    }
    return true;
  }

  result(augmentations: number, searches: number): TransportationSolution {
    let cost = 0;
    for (let a = 0; a < this.#flow.length; a++) {
      const f = this.#flow[a]!;
      if (f > 0) cost += f * this.#arcCost[a]!;
    }
    let overflow = 0;
    for (let r = 0; r < this.#sinks; r++) {
      const e = this.#load[r]! - this.#capacity[r]!;
      if (e > this.#eps) overflow += e;
    }
    // Prices are defined up to a constant: report them relative to T's, which every sink
    // that has both load and room shares, so a full sink's price is what its capacity is worth.
    const base = this.#price[this.#sinks]!;
    const prices = Float64Array.from(this.#price.subarray(0, this.#sinks), (p) => p - base);
    return {
      flow: this.#flow,
      prices,
      load: this.#load,
      cost,
      overflow,
      augmentations,
      searches,
    };
  }
}
