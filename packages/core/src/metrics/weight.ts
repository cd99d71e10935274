/**
 * An account's weight in a weighted mean (workload, revenue): missing, infinite and negative
 * values count as 0, so one bad cell cannot turn a metric into NaN.
 */
export function weightOf(value: number): number {
  return value > 0 && value < Number.POSITIVE_INFINITY ? value : 0;
}
