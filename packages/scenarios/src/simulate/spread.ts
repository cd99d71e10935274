/** The mean and the 10th, 50th and 90th percentiles of a set of draws. */
export interface Spread {
  expected: number;
  p10: number;
  p50: number;
  p90: number;
}

/**
 * Percentile p of ascending values, linear between order statistics (Hyndman–Fan type 7,
 * numpy's default): h = (n − 1)·p, value = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋), kept within the two
 * neighbours so rounding can never put P10 above P50.
 */
export function percentile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo]!;
  if (lo + 1 >= n) return below;
  const above = sorted[lo + 1]!;
  const value = below + (h - lo) * (above - below);
  return value < below ? below : value > above ? above : value;
}

/** The spread of `values[from .. from + count)`; `scratch` (≥ count long) is overwritten. */
export function spreadOf(
  values: Float64Array,
  from: number,
  count: number,
  scratch: Float64Array,
): Spread {
  if (count === 0) return { expected: 0, p10: 0, p50: 0, p90: 0 };
  let sum = 0;
  for (let d = 0; d < count; d++) sum += values[from + d]!;
  const sorted = scratch.subarray(0, count);
  sorted.set(values.subarray(from, from + count));
  sorted.sort();
  // The mean can land an ulp outside the draws; keep it inside so equal draws give that value.
  const mean = sum / count;
  const min = sorted[0]!;
  const max = sorted[count - 1]!;
  return {
    expected: mean < min ? min : mean > max ? max : mean,
    p10: percentile(sorted, 0.1),
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
  };
}
