import type { FlatPolygons } from './flat-polygons.js';

/**
 * Which blocks share a border, for geometry that comes without a topology (GeoJSON): two blocks
 * are neighbours when their rings have at least two positions in common, which a shared edge
 * always gives, even when one side has extra vertices along it. Touching at a single corner does
 * not count, as in a topology's shared arcs. Positions must match exactly, as they do in files
 * cut from one source; borders digitised twice apart are not detected.
 */
export function sharedBorderNeighbors(flat: FlatPolygons, blockCount: number): number[][] {
  const blocksAt = new Map<string, number[]>();
  const { coords, ringStart, partRingStart, blockPartStart } = flat;
  for (let b = 0; b < blockCount; b++) {
    const firstRing = partRingStart[blockPartStart[b]!]!;
    const lastRing = partRingStart[blockPartStart[b + 1]!]!;
    for (let p = ringStart[firstRing]!; p < ringStart[lastRing]!; p++) {
      const key = `${coords[2 * p]},${coords[2 * p + 1]}`;
      const blocks = blocksAt.get(key);
      if (!blocks) blocksAt.set(key, [b]);
      else if (blocks[blocks.length - 1] !== b) blocks.push(b);
    }
  }
  // Blocks are visited in order, so each list is ascending and a pair has one key.
  const sharedPositions = new Map<number, number>();
  for (const blocks of blocksAt.values()) {
    for (let i = 0; i < blocks.length; i++) {
      for (let j = i + 1; j < blocks.length; j++) {
        const pair = blocks[i]! * blockCount + blocks[j]!;
        sharedPositions.set(pair, (sharedPositions.get(pair) ?? 0) + 1);
      }
    }
  }
  const neighbors = Array.from({ length: blockCount }, (): number[] => []);
  for (const [pair, count] of sharedPositions) {
    if (count < 2) continue;
    const a = Math.floor(pair / blockCount);
    neighbors[a]!.push(pair - a * blockCount);
  }
  return neighbors;
}
