import type { PlanComparison } from '@tessera/core';
import { summaryRows } from './metrics-table.js';
import { formatNumber, renderTable } from './text-table.js';

/** Two plans side by side with the change from A to B. */
export function formatCompareTable(
  comparison: PlanComparison,
  nameA: string,
  nameB: string,
): string {
  const a = summaryRows(comparison.a);
  const b = summaryRows(comparison.b);
  const rows = a.map(([label, valueA], i) => {
    const valueB = b[i]![1];
    const delta =
      valueA === null || valueB === null ? null : Math.round((valueB - valueA) * 1000) / 1000;
    return [label, valueA, valueB, delta];
  });
  const moved = `accounts that change rep: ${formatNumber(comparison.accountsMoved)} (${formatNumber(comparison.accountsMovedShare * 100, 1)}%)\n`;
  return `A = ${nameA}\nB = ${nameB}\n\n${renderTable(['metric', 'A', 'B', 'B − A'], rows)}\n${moved}`;
}
