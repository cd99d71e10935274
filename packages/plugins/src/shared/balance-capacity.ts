/** Sweeps over all rep pairs at most this many times: enough to settle, bounded for big teams. */
const MAX_SWEEPS = 20;
/** Preference lost by a swap below this counts as a tie (float noise). */
const TIE = 1e-9;

/**
 * Swaps reps between groups, without changing how many each group has and without losing any
 * preference (only swaps between reps the preference cannot tell apart), so that each group's
 * capacity matches its work: after apportioning seats by count, two juniors in a busy group
 * and two seniors in a quiet one would leave both off their fair share. Minimises
 * `Σ_g seats_g × (work_g / (t × capacity_g) − 1)²` with `t = Σ work / Σ capacity`, by first-
 * improvement swaps in rep order (deterministic). Mutates `repGroup`.
 *
 * Does nothing when a capacity is missing, not finite or not positive: core then measures
 * balance against equal shares, which the seat counts already give.
 */
export function balanceCapacity(
  score: Float64Array,
  groupCount: number,
  repGroup: Int32Array,
  capacity: Float64Array,
  work: Float64Array,
): void {
  const R = repGroup.length;
  for (let r = 0; r < R; r++) {
    const c = capacity[r]!;
    if (!(c > 0) || !Number.isFinite(c)) return;
  }
  const cap = new Float64Array(groupCount);
  const seats = new Float64Array(groupCount);
  let totalCapacity = 0;
  for (let r = 0; r < R; r++) {
    const g = repGroup[r]!;
    if (g < 0) continue;
    cap[g] = cap[g]! + capacity[r]!;
    seats[g] = seats[g]! + 1;
    totalCapacity += capacity[r]!;
  }
  let totalWork = 0;
  for (let g = 0; g < groupCount; g++) if (seats[g]! > 0) totalWork += work[g]!;
  if (!(totalWork > 0) || !(totalCapacity > 0)) return;
  const perCapacity = totalWork / totalCapacity;
  const cost = (g: number, c: number): number => {
    const off = work[g]! / (perCapacity * c) - 1;
    return seats[g]! * off * off;
  };
  const s = (r: number, g: number): number => score[r * groupCount + g]!;

  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let improved = false;
    for (let r1 = 0; r1 < R; r1++) {
      for (let r2 = r1 + 1; r2 < R; r2++) {
        const a = repGroup[r1]!;
        const b = repGroup[r2]!;
        if (a < 0 || b < 0 || a === b) continue;
        const shift = capacity[r2]! - capacity[r1]!;
        if (shift === 0) continue;
        if (s(r1, b) + s(r2, a) - s(r1, a) - s(r2, b) < -TIE) continue;
        const nextA = cap[a]! + shift;
        const nextB = cap[b]! - shift;
        const gain = cost(a, cap[a]!) + cost(b, cap[b]!) - cost(a, nextA) - cost(b, nextB);
        if (gain > 1e-12) {
          repGroup[r1] = b;
          repGroup[r2] = a;
          cap[a] = nextA;
          cap[b] = nextB;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
}
