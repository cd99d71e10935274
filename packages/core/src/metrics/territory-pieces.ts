import { Delaunay } from 'd3-delaunay';
import type { BlockSet } from '../geo/blocks/block-set.js';
import { blockTerritories } from '../geo/blocks/block-territories.js';
import { distinctPlaces } from '../geo/shapes/distinct-places.js';

/** How many connected pieces each territory is in, and how many it cannot avoid. */
export interface TerritoryPieces {
  /** Per territory, its connected pieces (0 without located accounts). */
  readonly pieces: Int32Array;
  /**
   * Per territory, the pieces the geography forces on it: the separate landmasses (groups of
   * blocks no border path joins, such as islands) its blocks lie on. 1 without blocks.
   */
  readonly required: Int32Array;
}

export interface PiecesOptions {
  readonly blocks?: BlockSet | null;
  /** Each account's block (`locateAccounts`), required with `blocks`. */
  readonly blockOfAccount?: Int32Array | null;
  /** Locked accounts: exceptions that do not decide whom a block belongs to (`blockTerritories`). */
  readonly locked?: ArrayLike<number> | null;
}

/**
 * The pieces of every territory. With building blocks, a piece is a set of the territory's
 * blocks joined by shared borders (blocks without accounts count for the territory the shapes
 * give them, `blockTerritories`). Without, it is a set of the territory's account places joined
 * by edges of their Delaunay triangulation: places whose Voronoi cells touch, so the pieces are
 * exactly those of the shapes `territoryShapes` draws.
 */
export function territoryPieces(
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  territoryOf: ArrayLike<number>,
  territoryCount: number,
  options: PiecesOptions = {},
): TerritoryPieces {
  const { blocks, blockOfAccount } = options;
  if (blocks && blockOfAccount) {
    const label = blockTerritories(
      blocks,
      blockOfAccount,
      territoryOf,
      territoryCount,
      options.locked,
    );
    const { offsets, targets } = blocks.adjacency;
    const pieces = new UnionFind(blocks.length);
    const land = new UnionFind(blocks.length);
    for (let b = 0; b < blocks.length; b++) {
      for (let e = offsets[b]!; e < offsets[b + 1]!; e++) {
        const c = targets[e]!;
        land.union(b, c);
        if (label[b] === label[c]) pieces.union(b, c);
      }
    }
    return {
      pieces: countRoots(label, territoryCount, (b) => pieces.find(b)),
      required: countRoots(label, territoryCount, (b) => land.find(b)),
    };
  }
  const { points, label, count } = distinctPlaces(lon, lat, territoryOf, territoryCount);
  const pieces = new UnionFind(count);
  if (count > 1) {
    const delaunay = new Delaunay(points);
    const { collinear } = delaunay as Delaunay<number> & { collinear?: Int32Array };
    if (collinear) {
      // Points on one line: their Voronoi strips touch only their neighbours along it.
      for (let i = 1; i < collinear.length; i++) {
        const a = collinear[i - 1]!;
        const b = collinear[i]!;
        if (label[a] === label[b]) pieces.union(a, b);
      }
    } else {
      const { triangles } = delaunay;
      for (let e = 0; e < triangles.length; e++) {
        const a = triangles[e]!;
        const b = triangles[e % 3 === 2 ? e - 2 : e + 1]!;
        if (label[a] === label[b]) pieces.union(a, b);
      }
    }
  }
  const required = new Int32Array(territoryCount);
  for (let p = 0; p < count; p++) required[label[p]!] = 1;
  return { pieces: countRoots(label, territoryCount, (p) => pieces.find(p)), required };
}

function countRoots(
  label: Int32Array,
  territoryCount: number,
  rootOf: (item: number) => number,
): Int32Array {
  const seen = new Set<number>();
  const counts = new Int32Array(territoryCount);
  for (let item = 0; item < label.length; item++) {
    const t = label[item]!;
    if (t < 0) continue;
    // A landmass can hold several territories: count it once for each.
    const key = t * label.length + rootOf(item);
    if (seen.has(key)) continue;
    seen.add(key);
    counts[t]!++;
  }
  return counts;
}

class UnionFind {
  readonly #parent: Int32Array;
  constructor(size: number) {
    this.#parent = Int32Array.from({ length: size }, (_, i) => i);
  }
  find(item: number): number {
    let root = item;
    while (this.#parent[root] !== root) root = this.#parent[root]!;
    while (this.#parent[item] !== root) {
      const next = this.#parent[item]!;
      this.#parent[item] = root;
      item = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.#parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}
