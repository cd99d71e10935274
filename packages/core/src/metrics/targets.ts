/**
 * Each territory's fair share of a total: `total × cap_t / Σ cap`. When any capacity is missing,
 * not finite or not positive, capacity cannot say what is fair, so every territory gets an
 * equal share `total / n` (which is also what equal capacities give).
 */
export function capacityTargets(total: number, capacities: ArrayLike<number>): Float64Array {
  const n = capacities.length;
  const targets = new Float64Array(n);
  if (n === 0) return targets;
  let sum = 0;
  let usable = true;
  for (let t = 0; t < n; t++) {
    const cap = capacities[t]!;
    if (!(cap > 0) || !Number.isFinite(cap)) usable = false;
    sum += cap;
  }
  if (!usable || !Number.isFinite(sum)) {
    targets.fill(total / n);
    return targets;
  }
  for (let t = 0; t < n; t++) targets[t] = (total * capacities[t]!) / sum;
  return targets;
}
