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
    return PiecesGraph.ofBlocks(blocks, blockOfAccount).count(
      territoryOf,
      territoryCount,
      options.locked,
    );
  }
  return PiecesGraph.ofPlaces(lon, lat).count(territoryOf, territoryCount);
}

/**
 * The graph pieces are counted on, built once for a table and reused for every plan of it (an
 * editor counts pieces after each edit without triangulating again): nodes are blocks, or the
 * distinct places of the located accounts; edges are shared borders, or Delaunay edges.
 */
export class PiecesGraph {
  /** Per account, its node (-1: not located). */
  readonly nodeOf: Int32Array;
  readonly nodeCount: number;
  /** Node pairs joined by an edge: a0, b0, a1, b1, … */
  readonly edges: Int32Array;
  readonly #blocks: BlockSet | null;
  readonly #land: Int32Array | null;

  private constructor(
    nodeOf: Int32Array,
    nodeCount: number,
    edges: Int32Array,
    blocks: BlockSet | null,
  ) {
    this.nodeOf = nodeOf;
    this.nodeCount = nodeCount;
    this.edges = edges;
    this.#blocks = blocks;
    this.#land = blocks ? landOf(nodeCount, edges) : null;
  }

  /** Blocks joined by shared borders; each account's node is its block. */
  static ofBlocks(blocks: BlockSet, blockOfAccount: Int32Array): PiecesGraph {
    const { offsets, targets } = blocks.adjacency;
    const edges: number[] = [];
    for (let b = 0; b < blocks.length; b++) {
      for (let e = offsets[b]!; e < offsets[b + 1]!; e++) {
        if (targets[e]! > b) edges.push(b, targets[e]!);
      }
    }
    return new PiecesGraph(blockOfAccount, blocks.length, Int32Array.from(edges), blocks);
  }

  /** The distinct places of the located accounts, joined by Delaunay edges. */
  static ofPlaces(lon: ArrayLike<number>, lat: ArrayLike<number>): PiecesGraph {
    const all = new Int32Array(lon.length);
    const { points, count, placeOf } = distinctPlaces(lon, lat, all, 1);
    const edges: number[] = [];
    if (count > 1) {
      const delaunay = new Delaunay(points);
      const { collinear } = delaunay as Delaunay<number> & { collinear?: Int32Array };
      if (collinear) {
        // Points on one line: their Voronoi strips touch only their neighbours along it.
        for (let i = 1; i < collinear.length; i++) edges.push(collinear[i - 1]!, collinear[i]!);
      } else {
        const { triangles, halfedges } = delaunay;
        for (let e = 0; e < triangles.length; e++) {
          // An inner edge appears twice: keep the half whose twin comes later (or has none).
          if (halfedges[e]! >= 0 && halfedges[e]! < e) continue;
          edges.push(triangles[e]!, triangles[e % 3 === 2 ? e - 2 : e + 1]!);
        }
      }
    }
    return new PiecesGraph(placeOf, count, Int32Array.from(edges), null);
  }

  /** Each node's territory for a plan: the majority of its accounts, blocks filled as drawn. */
  labels(
    territoryOf: ArrayLike<number>,
    territoryCount: number,
    locked?: ArrayLike<number> | null,
  ): Int32Array {
    if (this.#blocks) {
      return blockTerritories(this.#blocks, this.nodeOf, territoryOf, territoryCount, locked);
    }
    return majorityLabels(this.nodeOf, this.nodeCount, territoryOf, territoryCount);
  }

  count(
    territoryOf: ArrayLike<number>,
    territoryCount: number,
    locked?: ArrayLike<number> | null,
  ): TerritoryPieces {
    const label = this.labels(territoryOf, territoryCount, locked);
    const pieces = new UnionFind(this.nodeCount);
    const { edges } = this;
    for (let e = 0; e < edges.length; e += 2) {
      const a = edges[e]!;
      const b = edges[e + 1]!;
      if (label[a] === label[b]) pieces.union(a, b);
    }
    const land = this.#land;
    const required = land
      ? countRoots(label, territoryCount, (node) => land[node]!)
      : Int32Array.from({ length: territoryCount }, () => 0);
    if (!land)
      for (let node = 0; node < this.nodeCount; node++)
        if (label[node]! >= 0) required[label[node]!] = 1;
    return { pieces: countRoots(label, territoryCount, (node) => pieces.find(node)), required };
  }
}

/** Per node, the territory most of its accounts are in (ties to the lower); -1 for none. */
function majorityLabels(
  nodeOf: Int32Array,
  nodeCount: number,
  territoryOf: ArrayLike<number>,
  territoryCount: number,
): Int32Array {
  const label = new Int32Array(nodeCount).fill(-1);
  const best = new Int32Array(nodeCount);
  // Most places hold one account: count per (node, territory) only where a second one arrives.
  let counts: Map<number, number> | null = null;
  for (let i = 0; i < nodeOf.length; i++) {
    const node = nodeOf[i]!;
    const t = territoryOf[i]!;
    if (node < 0 || t < 0 || t >= territoryCount) continue;
    if (label[node] === -1) {
      label[node] = t;
      best[node] = 1;
      continue;
    }
    counts ??= new Map();
    const first = node * territoryCount + label[node]!;
    if (!counts.has(first)) counts.set(first, best[node]!);
    const key = node * territoryCount + t;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > best[node]! || (n === best[node]! && t < label[node]!)) {
      label[node] = t;
      best[node] = n;
    }
  }
  return label;
}

/** Per node, its landmass: the root of its component over all edges. */
function landOf(nodeCount: number, edges: Int32Array): Int32Array {
  const land = new UnionFind(nodeCount);
  for (let e = 0; e < edges.length; e += 2) land.union(edges[e]!, edges[e + 1]!);
  return Int32Array.from({ length: nodeCount }, (_, node) => land.find(node));
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
