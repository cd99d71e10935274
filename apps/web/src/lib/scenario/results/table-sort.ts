/** How a table is sorted: a column key and a direction (aria-sort's words). */
export interface SortState<K extends string> {
  key: K;
  direction: 'ascending' | 'descending';
}

/** The next sort after activating a column: a new column sorts its natural way, the same one flips. */
export function nextSort<K extends string>(
  current: SortState<K>,
  key: K,
  firstDirection: SortState<K>['direction'] = 'ascending',
): SortState<K> {
  if (current.key !== key) return { key, direction: firstDirection };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/**
 * Rows sorted by one value: numbers numerically, text by the page's locale with numbers
 * inside names in order (T2 before T10); nulls last either way; ties keep the rows' order.
 */
export function sortRows<R>(
  rows: readonly R[],
  value: (row: R) => number | string | null,
  direction: SortState<string>['direction'],
): R[] {
  const collator = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' });
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) {
        return a.v === b.v ? a.index - b.index : a.v === null ? 1 : -1;
      }
      const order =
        typeof a.v === 'number' && typeof b.v === 'number'
          ? a.v - b.v
          : collator.compare(String(a.v), String(b.v));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((entry) => entry.row);
}
