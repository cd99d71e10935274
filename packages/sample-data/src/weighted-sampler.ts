import type { Random } from '@tessera/core';

/**
 * Walker's alias table: after O(n) set-up every draw costs one integer and one float, whatever
 * the number of outcomes, which keeps a million draws over 16k places cheap.
 */
export interface AliasTable {
  readonly prob: Float64Array;
  readonly alias: Int32Array;
}

/** Builds an alias table (Vose's method) over non-negative weights with a positive sum. */
export function createAliasTable(weights: ArrayLike<number>): AliasTable {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = new Float64Array(n);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < n; i++) {
    scaled[i] = (weights[i]! * n) / total;
    if (scaled[i]! < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  while (ns > 0 && nl > 0) {
    const s = small[--ns]!;
    const l = large[nl - 1]!;
    prob[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    if (scaled[l] < 1) {
      nl--;
      small[ns++] = l;
    }
  }
  // Whatever is left is 1 up to rounding error.
  while (nl > 0) prob[large[--nl]!] = 1;
  while (ns > 0) prob[small[--ns]!] = 1;
  return { prob, alias };
}

/** One draw from an alias table: an index in [0, n) with probability weight / total. */
export function drawAlias(table: AliasTable, random: Random): number {
  const i = random.int(table.prob.length);
  return random.next() < table.prob[i]! ? i : table.alias[i]!;
}
