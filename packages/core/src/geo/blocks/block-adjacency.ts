/**
 * Which blocks share a border, as compressed rows: block `b`'s neighbours are
 * `targets[offsets[b] .. offsets[b + 1])`, ascending, without `b` itself. Always symmetric, so a
 * contiguity check can walk it in either direction.
 */
export interface BlockAdjacency {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

/** Adjacency from per-block neighbour lists, made symmetric, sorted and free of repeats. */
export function adjacencyFromLists(
  blockCount: number,
  lists: readonly (readonly number[])[],
): BlockAdjacency {
  const sets = Array.from({ length: blockCount }, () => new Set<number>());
  for (let a = 0; a < lists.length; a++) {
    for (const b of lists[a]!) {
      if (b === a || b < 0 || b >= blockCount) continue;
      sets[a]!.add(b);
      sets[b]!.add(a);
    }
  }
  const offsets = new Int32Array(blockCount + 1);
  for (let a = 0; a < blockCount; a++) offsets[a + 1] = offsets[a]! + sets[a]!.size;
  const targets = new Int32Array(offsets[blockCount]!);
  for (let a = 0; a < blockCount; a++) {
    targets.set(
      [...sets[a]!].sort((x, y) => x - y),
      offsets[a],
    );
  }
  return { offsets, targets };
}
