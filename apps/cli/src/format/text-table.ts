export type Cell = string | number | null;

/** Formats a number for people: integers as is, others to a few significant decimals. */
export function formatNumber(value: number | null, decimals = 3): string {
  if (value === null || !Number.isFinite(value)) return '–';
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', {
    maximumFractionDigits: decimals,
    minimumFractionDigits: 0,
  });
}

/** A plain-text table: text columns left-aligned, numbers right-aligned. */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
): string {
  const text = rows.map((row) =>
    row.map((cell) => (typeof cell === 'number' || cell === null ? formatNumber(cell) : cell)),
  );
  const numeric = headers.map(
    (_, c) => rows.length > 0 && rows.every((row) => typeof row[c] === 'number' || row[c] === null),
  );
  const widths = headers.map((header, c) =>
    Math.max(header.length, ...text.map((row) => row[c]?.length ?? 0)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return (
    [line(headers), line(widths.map((w) => '─'.repeat(w))), ...text.map(line)].join('\n') + '\n'
  );
}
