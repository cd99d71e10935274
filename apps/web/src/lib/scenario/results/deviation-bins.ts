/** A bin of a histogram: [from, to) and how many values fell in it. */
export interface Bin {
  from: number;
  to: number;
  count: number;
}

/**
 * The deviations (workload / target − 1) in bins of `width`, centred on 0 so "on target" is a
 * bin of its own; at least one bin either side of 0.
 */
export function deviationBins(deviations: readonly number[], width = 0.05): Bin[] {
  if (deviations.length === 0) return [];
  const half = width / 2;
  const slot = (d: number) => Math.round(d / width);
  let low = -1;
  let high = 1;
  for (const d of deviations) {
    low = Math.min(low, slot(d));
    high = Math.max(high, slot(d));
  }
  const bins: Bin[] = [];
  for (let s = low; s <= high; s++) {
    bins.push({ from: s * width - half, to: s * width + half, count: 0 });
  }
  for (const d of deviations) bins[slot(d) - low]!.count++;
  return bins;
}
