/**
 * The seniority ladder that turns a rep's level label (a CRM title such as `Senior AE` or
 * `AE II`) into a rank comparable with numeric levels: 1 = associate … 4 = principal, as in
 * the sample data, so a file mixing `3` and `senior` orders its reps consistently.
 */
const RUNGS: readonly (readonly [number, readonly string[]])[] = [
  [1, ['intern', 'trainee', 'apprentice', 'entry', 'associate', 'junior', 'jr']],
  [2, ['mid', 'intermediate']],
  [3, ['senior', 'sr']],
  [4, ['lead', 'principal']],
  [5, ['manager', 'mgr', 'head', 'director', 'vp']],
];

const RUNG_OF: ReadonlyMap<string, number> = new Map(
  RUNGS.flatMap(([rank, words]) => words.map((word) => [word, rank] as const)),
);

const ROMAN: ReadonlyMap<string, number> = new Map(
  ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'].map((r, k) => [r, k + 1] as const),
);

/** The highest step a title suffix can take: I–X or 1–10. */
const MAX_STEP = 10;

/**
 * The rank of a level label, or NaN when the ladder does not know it (the label is then kept
 * as written, just not ordered):
 *
 * - the label is split into words (case and punctuation ignored: `Sr. AE` = `sr ae`);
 * - its rung is that of the highest ladder word in it (`Associate Director` is a director);
 * - a last word that is a roman numeral I–X or a number 1–10 is a step within the title family:
 *   on a rung it adds (step − 1) / 10 (`Senior AE II` = 3.1, below `Lead AE` = 4); without a
 *   ladder word the step is the rank itself (`AE I` = 1, `AE II` = 2, `Level 3` = 3);
 * - a label with neither (`Account Executive`, `Rockstar`) is unknown.
 */
export function levelRank(label: string): number {
  const words = label
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let rung = 0;
  for (const word of words) rung = Math.max(rung, RUNG_OF.get(word) ?? 0);
  const step = stepOf(words[words.length - 1]);
  if (rung > 0) return step > 0 ? rung + (step - 1) / 10 : rung;
  return step > 0 ? step : Number.NaN;
}

function stepOf(word: string | undefined): number {
  if (word === undefined) return 0;
  const roman = ROMAN.get(word);
  if (roman !== undefined) return roman;
  if (!/^\d{1,2}$/.test(word)) return 0;
  const n = Number(word);
  return n >= 1 && n <= MAX_STEP ? n : 0;
}

/** The ladder as documented: each rank with the words that put a label on it. */
export const LEVEL_LADDER: readonly { rank: number; words: readonly string[] }[] = RUNGS.map(
  ([rank, words]) => ({ rank, words }),
);
