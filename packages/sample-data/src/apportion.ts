/**
 * D'Hondt apportionment: `seats` whole seats shared in proportion to `weights`, favouring the
 * largest, so a handful of reps all land in the biggest metros. Ties go to the lower index.
 */
export function apportion(weights: ArrayLike<number>, seats: number): Int32Array {
  const n = weights.length;
  const out = new Int32Array(n);
  if (n === 0 || seats <= 0) return out;
  // A binary max-heap of indices ordered by weight / (seats + 1).
  const heap = new Int32Array(n);
  const quotient = (i: number): number => weights[i]! / (out[i]! + 1);
  const above = (a: number, b: number): boolean => {
    const qa = quotient(a);
    const qb = quotient(b);
    return qa > qb || (qa === qb && a < b);
  };
  const siftDown = (start: number): void => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < n && above(heap[l]!, heap[best]!)) best = l;
      if (r < n && above(heap[r]!, heap[best]!)) best = r;
      if (best === i) return;
      const t = heap[i]!;
      heap[i] = heap[best]!;
      heap[best] = t;
      i = best;
    }
  };
  for (let i = 0; i < n; i++) heap[i] = i;
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(i);
  for (let s = 0; s < seats; s++) {
    out[heap[0]!]!++;
    siftDown(0);
  }
  return out;
}

/**
 * Largest-remainder (Hamilton) counts: `total` items split as close to `shares` as whole
 * numbers allow; used for exact level quotas. Ties go to the lower index.
 */
export function largestRemainder(shares: readonly number[], total: number): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const quotas = shares.map((s) => (s / sum) * total);
  const counts = quotas.map((q) => Math.floor(q));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, rest: q - Math.floor(q) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i]!++;
    left--;
  }
  return counts;
}
