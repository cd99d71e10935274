/** For each group, the rows whose `groupOf` is that group, in ascending order (-1: none). */
export function listByGroup(groupOf: Int32Array, groupCount: number): Int32Array[] {
  const counts = new Int32Array(groupCount);
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i]!;
    if (g >= 0) counts[g] = counts[g]! + 1;
  }
  const lists = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(groupCount);
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i]!;
    if (g >= 0) {
      lists[g]![fill[g]!] = i;
      fill[g] = fill[g]! + 1;
    }
  }
  return lists;
}
