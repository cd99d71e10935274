/** One kind of warning and where it came from. */
export interface WarningGroup {
  /** The first text of this kind. */
  text: string;
  /** Indexes of the sources (runs, scenarios) that gave it, ascending. */
  sources: number[];
  /** How many different texts the group holds (1 when every source said the same). */
  variants: number;
}

/**
 * Groups the warnings of several runs so each kind is said once, with the runs that gave it.
 * `text` groups identical sentences; `kind` also groups sentences that differ only in their
 * figures ("k raised from 10 to 36" and "k raised from 20 to 36"), which a sweep of hundreds
 * of runs needs to stay readable. Groups come in order of first appearance.
 */
export function groupWarnings(
  sources: readonly (readonly string[])[],
  by: 'text' | 'kind',
): WarningGroup[] {
  const groups = new Map<string, WarningGroup & { texts: Set<string> }>();
  sources.forEach((warnings, source) => {
    for (const text of warnings) {
      const key = by === 'text' ? text : text.replaceAll(/\d[\d,.]*/g, '#');
      let group = groups.get(key);
      if (!group) {
        group = { text, sources: [], variants: 0, texts: new Set() };
        groups.set(key, group);
      }
      if (group.sources.at(-1) !== source) group.sources.push(source);
      group.texts.add(text);
    }
  });
  return [...groups.values()].map(({ texts, ...group }) => ({ ...group, variants: texts.size }));
}

/** 1-based run numbers as ranges: `1–3, 5, 7–9`. */
export function numberRanges(indexes: readonly number[]): string {
  const parts: string[] = [];
  for (let k = 0; k < indexes.length;) {
    let end = k;
    while (end + 1 < indexes.length && indexes[end + 1] === indexes[end]! + 1) end++;
    const [from, to] = [indexes[k]! + 1, indexes[end]! + 1];
    parts.push(from === to ? `${from}` : `${from}–${to}`);
    k = end + 1;
  }
  return parts.join(', ');
}
