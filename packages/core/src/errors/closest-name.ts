/**
 * The known name a mistyped one most likely meant, or null when none is close: names equal once
 * case, `_` and `-` are ignored (`min_share` → `minShare`), else the nearest by edit distance
 * within a third of the name's length (at least 1, so `acounts` → `accounts`).
 */
export function closestName(typed: string, known: Iterable<string>): string | null {
  const bare = simplify(typed);
  const limit = Math.max(1, Math.floor(typed.length / 3));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of known) {
    if (name === typed) continue;
    if (simplify(name) === bare) return name;
    const distance = editDistance(typed.toLowerCase(), name.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

function simplify(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/** Levenshtein distance, counting a swap of two neighbours as one edit (`teh` → `the`). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  // Three rows are enough: the one being filled and the two before it (for swaps).
  let before = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, before[j - 2]! + 1);
      }
      current[j] = d;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[n]!;
}
