import type { ImportIssue } from '@tessera/core';
import type { CliIO } from '../io.js';

/** How many distinct offending values a kind's line shows. */
const SHOWN_VALUES = 3;

/**
 * Warnings and skipped rows go to stderr as one line per kind of problem (how many, a few of
 * the values, and the first line that has it), so a file with thousands of stale owners stays
 * readable.
 */
export function reportIssues(
  io: CliIO,
  path: string,
  issues: readonly ImportIssue[],
  issueCount: number,
): void {
  const kinds = new Map<string, { first: ImportIssue; count: number; values: Set<string> }>();
  for (const issue of issues) {
    const key = `${issue.severity}\u0000${issue.column ?? ''}\u0000${issue.reason}`;
    let kind = kinds.get(key);
    if (!kind) {
      kind = { first: issue, count: 0, values: new Set() };
      kinds.set(key, kind);
    }
    kind.count++;
    if (issue.value !== null && issue.value !== '') kind.values.add(issue.value);
  }
  // The import keeps a bounded list of issues; with one kind of problem the total is exact.
  const capped = issueCount > issues.length;
  const single = kinds.size === 1;
  for (const kind of kinds.values()) {
    const { first } = kind;
    const count = capped && single ? issueCount : kind.count;
    const what =
      first.severity === 'error' ? `${plural(count, 'row')} skipped` : plural(count, 'warning');
    const column = first.column ? `column "${first.column}" ` : '';
    const where = count === 1 ? `line ${first.line}` : `first on line ${first.line}`;
    io.stderr.write(`${path}: ${what}: ${column}${first.reason}${examples(kind)} (${where})\n`);
  }
  if (capped && !single) {
    io.stderr.write(
      `${path}: ${issueCount.toLocaleString('en-US')} problems in all; the counts above cover the first ${issues.length.toLocaleString('en-US')}\n`,
    );
  }
}

/** A few of the distinct values at fault when there are several: `: "R051", "R052", …`. */
function examples(kind: { count: number; values: Set<string> }): string {
  if (kind.count < 2 || kind.values.size === 0) return '';
  const values = [...kind.values];
  const shown = values.slice(0, SHOWN_VALUES).map((v) => JSON.stringify(v));
  return `: ${shown.join(', ')}${values.length > SHOWN_VALUES ? ', …' : ''}`;
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
