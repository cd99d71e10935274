/** What {@link idleAxisWarnings} reads of a sweep row. */
export interface AxisRow {
  strategy: string;
  values: Record<string, unknown>;
  /** The plan's fingerprint; null for a run that failed. */
  planKey: string | null;
  warnings: readonly string[];
}

/**
 * Grid axes whose values changed nothing: values of one parameter that gave the same plan as
 * each other at every setting of the other parameters (for each strategy). A sweep of `k` whose
 * every run is raised to the same k by locked accounts gives identical rows, all non-dominated;
 * this says so, instead of letting the table suggest a trade-off. A failed run matches nothing.
 */
export function idleAxisWarnings(rows: readonly AxisRow[]): string[] {
  const axes = [...new Set(rows.flatMap((row) => Object.keys(row.values)))];
  const warnings: string[] = [];
  for (const axis of axes) {
    for (const strategy of [...new Set(rows.map((row) => row.strategy))]) {
      const mine = rows.filter(
        (row) => row.strategy === strategy && Object.hasOwn(row.values, axis),
      );
      const warning = idleAxis(
        axis,
        mine,
        strategy,
        rows.some((row) => row.strategy !== strategy),
      );
      if (warning !== null) warnings.push(warning);
    }
  }
  return warnings;
}

function idleAxis(
  axis: string,
  rows: readonly AxisRow[],
  strategy: string,
  severalStrategies: boolean,
): string | null {
  // Runs that differ only in this axis share a setting of the others.
  const settings = new Map<string, Map<string, AxisRow>>();
  const values = new Map<string, unknown>();
  const others = new Set<string>();
  for (const row of rows) {
    const rest = Object.entries(row.values).filter(([name]) => name !== axis);
    for (const [name] of rest) others.add(name);
    const setting = JSON.stringify(rest.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
    const value = JSON.stringify(row.values[axis]);
    values.set(value, row.values[axis]);
    let byValue = settings.get(setting);
    if (!byValue) {
      byValue = new Map<string, AxisRow>();
      settings.set(setting, byValue);
    }
    byValue.set(value, row);
  }
  if (values.size < 2) return null;

  // Values that gave the same plan at every setting share a signature.
  let failed = 0;
  const classes = new Map<string, string[]>();
  for (const value of values.keys()) {
    const signature = [...settings.values()]
      .map((byValue) => {
        const row = byValue.get(value);
        if (row === undefined) return '-';
        return row.planKey ?? `failed ${failed++}`;
      })
      .join('|');
    const members = classes.get(signature);
    if (members) members.push(value);
    else classes.set(signature, [value]);
  }
  const same = [...classes.values()].filter((members) => members.length > 1);
  if (same.length === 0) return null;

  const where = [
    others.size > 0 ? `at each ${list([...others])}` : '',
    severalStrategies ? `with ${strategy}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const suffix = where ? ` ${where}` : '';
  const why = reason(axis, rows, new Set(same.flat()));
  if (same.length === 1 && same[0]!.length === values.size) {
    return `${axis}: every value gave the same plan as ${axis}=${same[0]![0]}${suffix}, so this axis changed nothing${why}`;
  }
  const groups = same.map(
    (members) => `${list(members)} gave the same plan as ${axis}=${members[0]}`,
  );
  return `${axis}: ${groups.join('; ')}${suffix}${why}`;
}

/** The first warning of those runs that names the axis: often why it changed nothing. */
function reason(axis: string, rows: readonly AxisRow[], values: ReadonlySet<string>): string {
  const word = new RegExp(`(^|[^\\w])${axis.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w]|$)`);
  for (const row of rows) {
    if (!values.has(JSON.stringify(row.values[axis]))) continue;
    const warning = row.warnings.find((text) => word.test(text));
    if (warning !== undefined) return ` (the runs warn: "${warning}")`;
  }
  return '';
}

function list(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}
