import type { ResponseModel } from './model.js';

/**
 * CALLPLAN's rule for one rep: spend the capacity C where each hour earns most. Account i
 * earns Aᵢ·s(xᵢ) (Aᵢ = potential − floor) and costs nᵢ·xᵢ units of time (workload plus travel,
 * both scaling with the visits made). At the optimum every account with effort has the same
 * marginal revenue per unit of time λ, so with κᵢ = Aᵢ / nᵢ and s'(x) = ε / (ε + (1 − ε)x)²:
 *
 *   xᵢ = clamp((√(ε·κᵢ)·u − ε) / (1 − ε), 0, maxCoverage),  u = 1 / √λ,
 *
 * and u is the one value with Σ nᵢ·xᵢ = C (found by bisection: the sum grows with u). Accounts
 * with more potential per hour get more effort; the least valuable go without when time is short.
 * Writes xᵢ into `coverage` for the accounts in `members` that need time and have upside.
 */
export function allocatePriority(
  members: Int32Array,
  need: Float64Array,
  upside: Float64Array,
  capacity: number,
  model: ResponseModel,
  coverage: Float64Array,
): void {
  const epsilon = model.elasticity;
  const cap = model.maxCoverage;
  const scale = 1 / (1 - epsilon);
  let fullNeed = 0;
  let totalNeed = 0;
  let uHigh = 0;
  let firstDensity = Number.NaN;
  let sameDensity = true;
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    const n = need[i]!;
    const a = upside[i]!;
    coverage[i] = 0;
    if (n === 0 || a === 0) continue;
    totalNeed += n;
    fullNeed += n * cap;
    const density = a / n;
    if (Number.isNaN(firstDensity)) firstDensity = density;
    else if (density !== firstDensity) sameDensity = false;
    const q = Math.sqrt(epsilon * density);
    uHigh = Math.max(uHigh, (cap * (1 - epsilon) + epsilon) / q);
  }
  if (fullNeed === 0) return;
  if (sameDensity) {
    // Equal value per hour everywhere: the optimum is an equal share, computed exactly.
    const x = Math.min(cap, capacity / totalNeed);
    for (let k = 0; k < members.length; k++) {
      const i = members[k]!;
      if (need[i] !== 0 && upside[i] !== 0) coverage[i] = x;
    }
    return;
  }
  // The accounts that take part, packed: the bisection scans them 50-odd times.
  const count = members.length;
  const packedNeed = new Float64Array(count);
  const packedQ = new Float64Array(count);
  let m = 0;
  for (let k = 0; k < count; k++) {
    const i = members[k]!;
    const n = need[i]!;
    const a = upside[i]!;
    if (n === 0 || a === 0) continue;
    packedNeed[m] = n;
    packedQ[m] = Math.sqrt(epsilon * (a / n));
    m++;
  }
  const coverageAt = (q: number, u: number): number => {
    const x = (q * u - epsilon) * scale;
    return x <= 0 ? 0 : x >= cap ? cap : x;
  };
  let u: number;
  if (fullNeed <= capacity) {
    u = uHigh;
  } else {
    let low = 0;
    let high = uHigh;
    for (let step = 0; step < 64; step++) {
      const mid = 0.5 * (low + high);
      if (mid <= low || mid >= high) break;
      let used = 0;
      for (let k = 0; k < m; k++) used += packedNeed[k]! * coverageAt(packedQ[k]!, mid);
      if (used < capacity) low = mid;
      else high = mid;
    }
    u = low; // never spends more than the capacity
  }
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    const n = need[i]!;
    const a = upside[i]!;
    if (n === 0 || a === 0) continue;
    coverage[i] = coverageAt(Math.sqrt(epsilon * (a / n)), u);
  }
}
