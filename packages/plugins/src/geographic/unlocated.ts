import type { Pacer } from './pacer.js';
import { descendingKeys, sortIndexesByKey } from './radix-sort.js';

/**
 * Places the free accounts (or units) that have no coordinates. They cost no distance anywhere,
 * so they fill the territories furthest below target, largest first (LPT), which evens out what
 * the located accounts left; given `owner` territories (continuity), one stays with its owner's
 * territory when that territory has room for it up to its target. O(u + u log k).
 */
export async function placeUnlocated(
  atoms: Int32Array,
  owner: Int32Array | null,
  b: Float64Array,
  targets: Float64Array,
  load: Float64Array,
  out: Int32Array,
  pacer: Pacer,
): Promise<void> {
  const k = targets.length;
  if (k === 0) return;
  const order = await sortIndexesByKey(descendingKeys(b, atoms), pacer);
  const heap = new TerritoryHeap(load, targets);
  for (let j = 0; j < order.length; j++) {
    const a = atoms[order[j]!]!;
    const bb = b[a]!;
    const o = owner ? owner[a]! : -1;
    const t = o >= 0 && load[o]! + bb <= targets[o]! ? o : heap.top();
    out[a] = t;
    load[t]! += bb;
    heap.update(t);
    if ((j & 65535) === 65535) await pacer.pace();
  }
}

/** Territories ordered by relative room below target (most room first, ties to the lower index). */
class TerritoryHeap {
  readonly #load: Float64Array;
  readonly #targets: Float64Array;
  readonly #heap: Int32Array;
  readonly #pos: Int32Array;
  readonly #size: number;

  constructor(load: Float64Array, targets: Float64Array) {
    this.#load = load;
    this.#targets = targets;
    const k = targets.length;
    this.#size = k;
    this.#heap = new Int32Array(k);
    this.#pos = new Int32Array(k);
    for (let t = 0; t < k; t++) {
      this.#heap[t] = t;
      this.#pos[t] = t;
    }
    for (let i = (k >> 1) - 1; i >= 0; i--) this.#down(i);
  }

  top(): number {
    return this.#heap[0]!;
  }

  update(t: number): void {
    this.#up(this.#pos[t]!);
    this.#down(this.#pos[t]!);
  }

  /** Fill level: load / target, or the load itself when the target is 0. */
  #level(t: number): number {
    const target = this.#targets[t]!;
    return target > 0 ? this.#load[t]! / target : this.#load[t]! * 1e300;
  }

  #before(a: number, b: number): boolean {
    const la = this.#level(a);
    const lb = this.#level(b);
    return la < lb || (la === lb && a < b);
  }

  #swap(i: number, j: number): void {
    const a = this.#heap[i]!;
    const b = this.#heap[j]!;
    this.#heap[i] = b;
    this.#heap[j] = a;
    this.#pos[b] = i;
    this.#pos[a] = j;
  }

  #up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(this.#heap[i]!, this.#heap[parent]!)) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < this.#size && this.#before(this.#heap[l]!, this.#heap[best]!)) best = l;
      if (r < this.#size && this.#before(this.#heap[r]!, this.#heap[best]!)) best = r;
      if (best === i) return;
      this.#swap(i, best);
      i = best;
    }
  }
}
