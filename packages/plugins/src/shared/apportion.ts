/**
 * Largest-remainder (Hamilton) apportionment of `seats` reps to groups in proportion to their
 * `weights` (workload), with at least one seat for every group whose weight is above 0.
 *
 * - Weights that are missing, negative or not finite count as 0; a group of weight 0 gets no
 *   seat (it has no work to staff).
 * - Minimum of one: a group whose quota `seats × w / W` is below 1 is given exactly one seat
 *   and the rest are shared again among the others, repeated until every remaining quota is
 *   at least 1; then each remaining group gets the floor of its quota and the seats left over
 *   go to the largest fractional parts (ties: the larger weight, then the lower index).
 * - Fewer seats than groups with work: the minimum cannot hold, so the `seats` heaviest groups
 *   get one seat each (ties to the lower index) and the others get none. Callers pool those
 *   groups into staffed ones first (industry into "other", size into a neighbouring tier), so
 *   no account is left without a rep.
 *
 * Every seat is always given out when some group has work: the result sums to `seats`.
 */
export function apportion(weights: ArrayLike<number>, seats: number): Int32Array {
  const n = weights.length;
  const out = new Int32Array(n);
  const total = Math.max(0, Math.floor(seats));
  const weight = Float64Array.from({ length: n }, (_, g) => usable(weights[g]!));
  const withWork: number[] = [];
  for (let g = 0; g < n; g++) if (weight[g]! > 0) withWork.push(g);
  if (total === 0 || withWork.length === 0) return out;

  if (total < withWork.length) {
    const heaviest = [...withWork].sort((a, b) => weight[b]! - weight[a]! || a - b);
    for (const g of heaviest.slice(0, total)) out[g] = 1;
    return out;
  }

  const pinned = new Uint8Array(n);
  let free = withWork;
  let left = total;
  for (;;) {
    const sum = free.reduce((s, g) => s + weight[g]!, 0);
    const small = free.filter((g) => (left * weight[g]!) / sum < 1);
    if (small.length === 0) break;
    for (const g of small) {
      pinned[g] = 1;
      out[g] = 1;
    }
    left -= small.length;
    free = free.filter((g) => pinned[g] === 0);
  }
  if (free.length === 0) return out;

  const sum = free.reduce((s, g) => s + weight[g]!, 0);
  const remainder = new Float64Array(n);
  for (const g of free) {
    const quota = (left * weight[g]!) / sum;
    out[g] = Math.floor(quota);
    remainder[g] = quota - out[g];
  }
  let given = free.reduce((s, g) => s + out[g]!, 0);
  const byRemainder = [...free].sort(
    (a, b) => remainder[b]! - remainder[a]! || weight[b]! - weight[a]! || a - b,
  );
  for (let k = 0; given < left; k = (k + 1) % byRemainder.length, given++) {
    const g = byRemainder[k]!;
    out[g] = out[g]! + 1;
  }
  return out;
}

function usable(value: number): number {
  return value > 0 && Number.isFinite(value) ? value : 0;
}
