import type { Band } from './capacitated-assign.js';

/**
 * The largest miss of any band, relative to its territory's target: 0 when every territory is
 * inside its band. A territory with target 0 misses by its whole load.
 */
export function bandExcess(load: Float64Array, band: Band, targets: Float64Array): number {
  let worst = 0;
  for (let t = 0; t < load.length; t++) {
    const miss = Math.max(0, band.lo[t]! - load[t]!, load[t]! - band.hi[t]!);
    if (miss <= 0) continue;
    const target = targets[t]!;
    const relative = target > 0 ? miss / target : miss > 0 ? Number.POSITIVE_INFINITY : 0;
    if (relative > worst) worst = relative;
  }
  return worst;
}

/** max_t |load_t / target_t − 1|, core's `maxDeviation` (a territory with target 0 counts 0). */
export function maxDeviation(load: Float64Array, targets: Float64Array): number {
  let worst = 0;
  for (let t = 0; t < load.length; t++) {
    const target = targets[t]!;
    if (!(target > 0)) continue;
    const d = Math.abs(load[t]! / target - 1);
    if (d > worst) worst = d;
  }
  return worst;
}

/** A band of ±tolerance around each target. */
export function bandAround(targets: Float64Array, tolerance: number, pinned: Float64Array): Band {
  const k = targets.length;
  const lo = new Float64Array(k);
  const hi = new Float64Array(k);
  for (let t = 0; t < k; t++) {
    lo[t] = targets[t]! * (1 - tolerance);
    hi[t] = targets[t]! * (1 + tolerance);
  }
  return { lo, hi, pinned };
}

export interface InfeasibleInput {
  tolerance: number;
  k: number;
  targets: Float64Array;
  /** Largest single atom's load and its label (an account id or a unit value). */
  largestLoad: number;
  largestLabel: string;
  /** Atoms with a positive load. */
  loadedAtoms: number;
  /** Distinct located positions among the free atoms (capped). */
  distinctPlaces: number;
  /** Locked load per territory, and the id of each territory's rep (for messages). */
  pinnedLoad: Float64Array;
  territoryLabel: (t: number) => string;
  achieved: number;
}

/** One line on why the tolerance could not be met, naming the most likely cause. */
export function explainInfeasible(input: InfeasibleInput): string {
  const { tolerance, k, targets } = input;
  const pct = (x: number): string => `${+(x * 100).toFixed(1)}%`;
  let largestTarget = 0;
  for (let t = 0; t < k; t++) largestTarget = Math.max(largestTarget, targets[t]!);
  if (input.loadedAtoms < k) {
    return `only ${input.loadedAtoms} accounts or units carry load for ${k} territories`;
  }
  if (input.largestLoad > largestTarget * (1 + tolerance)) {
    return `${input.largestLabel} alone is ${pct(input.largestLoad / largestTarget)} of the largest territory target`;
  }
  for (let t = 0; t < k; t++) {
    if (input.pinnedLoad[t]! > targets[t]! * (1 + tolerance)) {
      return `the locked accounts of ${input.territoryLabel(t)} alone are ${pct(input.pinnedLoad[t]! / targets[t]!)} of its target`;
    }
  }
  if (input.distinctPlaces < k) {
    return `the accounts sit at only ${input.distinctPlaces} distinct places for ${k} territories`;
  }
  return `no plan found with every territory within ±${pct(tolerance)} of its target (best: ±${pct(input.achieved)})`;
}
