import type { TerritoryAdjacency } from './territory-adjacency.ts';

/** Above this many territories the O(n²) DSATUR pick gives way to a degree-ordered pass. */
const DSATUR_LIMIT = 2000;

/**
 * A palette index for every territory such that adjacent territories differ whenever the
 * palette allows: greedy colouring never needs more than (largest degree + 1) colours, so with
 * a palette larger than every territory's neighbour count no two neighbours share a colour.
 * Among the colours its neighbours leave free, a territory takes the one used least so far
 * (palette order breaks ties): a plan with no more territories than colours gets each its own
 * colour, and a larger one spreads over the whole palette, so the legend tells them apart.
 *
 * The order is DSATUR (Brélaz 1979): next the territory whose neighbours already use the most
 * distinct colours, ties broken by degree, then by index, so the same plan always gets the
 * same colours. When every colour is taken around a territory, it gets the one it shares the
 * fewest grid contacts with, which puts the unavoidable clash on the shortest border.
 */
export function colourTerritories(
  adjacency: TerritoryAdjacency,
  paletteSize: number,
  /**
   * Colours some territories must keep (a palette index, or -1 for none): a comparison gives a
   * territory the colour it has on the first map. One is dropped when a neighbour already keeps
   * the same colour, so kept colours never make a clash of their own.
   */
  fixed?: ArrayLike<number>,
): Int32Array {
  if (!Number.isInteger(paletteSize) || paletteSize < 1) {
    throw new Error(`palette size must be a positive integer, got ${paletteSize}`);
  }
  const { size, contacts } = adjacency;
  if (fixed && fixed.length !== size) {
    throw new Error(`fixed colours name ${fixed.length} territories, the plan has ${size}`);
  }
  const colour = new Int32Array(size).fill(-1);
  const uses = new Uint32Array(paletteSize);
  // For each territory, how many of its neighbours hold each colour.
  const seen = Array.from({ length: size }, () => new Map<number, number>());
  const paint = (t: number, c: number) => {
    colour[t] = c;
    uses[c]!++;
    for (const neighbour of contacts[t]!.keys()) {
      const counts = seen[neighbour]!;
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  };

  let left = size;
  for (let t = 0; fixed && t < size; t++) {
    const c = fixed[t]!;
    if (!Number.isInteger(c) || c < 0 || c >= paletteSize) continue;
    if ((seen[t]!.get(c) ?? 0) > 0) continue;
    paint(t, c);
    left--;
  }
  const order = size <= DSATUR_LIMIT ? null : degreeOrder(adjacency);
  for (let step = 0; left > 0; step++) {
    const t = order ? order[step]! : mostSaturated(adjacency, colour, seen);
    if (colour[t] !== -1) continue;
    paint(t, pickColour(contacts[t]!, colour, uses));
    left--;
  }
  return colour;
}

function mostSaturated(
  { size, contacts }: TerritoryAdjacency,
  colour: Int32Array,
  seen: Map<number, number>[],
): number {
  let best = -1;
  let bestSaturation = -1;
  let bestDegree = -1;
  for (let t = 0; t < size; t++) {
    if (colour[t] !== -1) continue;
    const saturation = seen[t]!.size;
    const degree = contacts[t]!.size;
    if (saturation > bestSaturation || (saturation === bestSaturation && degree > bestDegree)) {
      best = t;
      bestSaturation = saturation;
      bestDegree = degree;
    }
  }
  return best;
}

function degreeOrder({ size, contacts }: TerritoryAdjacency): Int32Array {
  const order = Int32Array.from({ length: size }, (_, t) => t);
  return order.sort((a, b) => contacts[b]!.size - contacts[a]!.size || a - b);
}

function pickColour(
  neighbours: Map<number, number>,
  colour: Int32Array,
  uses: Uint32Array,
): number {
  const paletteSize = uses.length;
  const clash = new Float64Array(paletteSize);
  const taken = new Uint8Array(paletteSize);
  for (const [neighbour, weight] of neighbours) {
    const c = colour[neighbour]!;
    if (c < 0) continue;
    taken[c] = 1;
    clash[c]! += weight;
  }
  let best = -1;
  for (let c = 0; c < paletteSize; c++) {
    if (taken[c] === 0 && (best === -1 || uses[c]! < uses[best]!)) best = c;
  }
  if (best !== -1) return best;
  best = 0;
  for (let c = 1; c < paletteSize; c++) if (clash[c]! < clash[best]!) best = c;
  return best;
}
