/**
 * Indexes of the points no other point dominates, every objective minimised: a point is
 * dominated when another is at least as good on every objective and better on one. Ties keep
 * both. O(n²·m), fine for the few hundred runs a sweep allows.
 */
export function nonDominated(points: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const dominated = points.some((q, j) => j !== i && dominates(q, p));
    if (!dominated) out.push(i);
  }
  return out;
}

export function dominates(q: readonly number[], p: readonly number[]): boolean {
  let better = false;
  for (let k = 0; k < p.length; k++) {
    if (q[k]! > p[k]!) return false;
    if (q[k]! < p[k]!) better = true;
  }
  return better;
}
