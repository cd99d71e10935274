import type { PairComparison, ScenarioComparison } from '@tessera/scenarios';

/** The pair comparing the first scenario with scenario `s` (compareRuns lists every a < b pair). */
export function pairWithFirst(comparison: ScenarioComparison, s: number): PairComparison | null {
  return comparison.pairs.find((p) => p.a === 0 && p.b === s) ?? null;
}

/**
 * For each scenario's map, 1 for the accounts to ring: on scenario s > 0 those whose owner
 * differs from the first scenario's; on the first, those that move in any other scenario (an
 * account another scenario removed is there too). `accountCounts[s]` is the number of accounts
 * in scenario s after its edits (what its map draws).
 */
export function movedMasks(
  comparison: ScenarioComparison,
  accountCounts: readonly number[],
): Uint8Array[] {
  const masks = accountCounts.map((n) => new Uint8Array(n));
  const first = masks[0];
  for (let s = 1; s < masks.length; s++) {
    const pair = pairWithFirst(comparison, s);
    const mask = masks[s];
    if (!pair || !mask || !first) continue;
    const { count, indexInA, indexInB } = pair.moved;
    for (let k = 0; k < count; k++) {
      const j = indexInB[k]!;
      const i = indexInA[k]!;
      if (j >= 0 && j < mask.length) mask[j] = 1;
      if (i >= 0 && i < first.length) first[i] = 1;
    }
  }
  return masks;
}
