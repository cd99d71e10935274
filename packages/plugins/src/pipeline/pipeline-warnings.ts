/** A warning and where in the pipeline it arose. */
export interface GroupWarning {
  /** The group's name at each stage, outermost first; empty for the pipeline as a whole. */
  groups: readonly string[];
  text: string;
}

/** One group's warning, cut into the parts a merged sentence rearranges. */
interface Said {
  /** The group path as territory names show it: `Enterprise · healthcare`. */
  group: string;
  text: string;
  /** Before the first `: `: the sentence proper (`8 verticals pooled into "Other"`). */
  head: string;
  /** After it: the details, often a list of names; '' when there is none. */
  tail: string;
  /** The count the head starts with, or null. */
  lead: string | null;
  /** The head without that count. */
  rest: string;
}

const LEADING_COUNT = /^(\d[\d,.]*%?) (.+)$/s;
const NUMBER = /\d[\d,.]*/g;
// Words whose singular and plural differ by more than an "s": "1 account is", "2 accounts are".
const PLURAL: Readonly<Record<string, string>> = {
  is: 'are',
  its: 'their',
  was: 'were',
  has: 'have',
  does: 'do',
};

/**
 * The pipeline's warnings with each kind said once. Every group runs the same splits and final
 * strategy, so on real data most groups report the same thing (`Enterprise: 8 verticals pooled
 * into "Other" …`, `SMB: 11 verticals pooled …`); a kind several groups gave becomes one line
 * naming them, each with its own figures and details:
 *
 * - the same sentence: `Enterprise, SMB: no rep has a home base: territory centres are free`;
 * - the same sentence but for its leading count and details: `verticals pooled into "Other"
 *   (below 5% of the workload): 8 in Enterprise (retail, mining); 11 in SMB (education)`;
 * - other figures differing: each group's sentence, joined (`k raised from 3 to 5 in
 *   Enterprise; k raised from 2 to 4 in SMB: that many reps …`).
 *
 * Two warnings are of a kind when their sentences (up to the first `: `) differ only in
 * numbers and singular or plural. Warnings of the whole pipeline are kept as they are, and
 * lines come in the order their kind first appeared.
 */
export function mergeGroupWarnings(warnings: readonly GroupWarning[]): string[] {
  const lines: (string | Said[])[] = [];
  const kinds = new Map<string, Said[]>();
  for (const warning of warnings) {
    if (warning.groups.length === 0) {
      lines.push(warning.text);
      continue;
    }
    const said = cut(warning);
    const key = shape(said.head, true);
    let kind = kinds.get(key);
    if (!kind) {
      kind = [];
      kinds.set(key, kind);
      lines.push(kind);
    }
    kind.push(said);
  }
  return lines.map((line) => (typeof line === 'string' ? line : merge(line)));
}

function cut({ groups, text }: GroupWarning): Said {
  const colon = text.indexOf(': ');
  const head = colon < 0 ? text : text.slice(0, colon);
  const tail = colon < 0 ? '' : text.slice(colon + 2);
  const count = LEADING_COUNT.exec(head);
  return {
    group: groups.join(' · '),
    text,
    head,
    tail,
    lead: count ? count[1]! : null,
    rest: count ? count[2]! : head,
  };
}

/** A sentence with its figures (when `masked`) and its singular or plural ironed out. */
function shape(sentence: string, masked: boolean): string {
  const words = (masked ? sentence.replaceAll(NUMBER, '#') : sentence).split(' ');
  return words.map((word) => PLURAL[word] ?? word.replace(/s$/, '')).join(' ');
}

function merge(kind: readonly Said[]): string {
  const first = kind[0]!;
  if (kind.length === 1) return `${first.group}: ${first.text}`;
  if (kind.every((said) => said.text === first.text)) {
    return `${kind.map((said) => said.group).join(', ')}: ${first.text}`;
  }
  const sameTail = kind.every((said) => said.tail === first.tail);
  const details = (said: Said): string => (sameTail || said.tail === '' ? '' : ` (${said.tail})`);
  const restShape = shape(first.rest, false);
  if (kind.every((said) => shape(said.rest, false) === restShape)) {
    // Only the counts (and details) differ: the sentence once, then each group's count. Its
    // words are taken from a plural count, which reads right without one.
    const stem = (kind.find((said) => said.lead !== '1') ?? first).rest;
    const facts = kind.map(
      (said) => `${said.lead === null ? '' : `${said.lead} in `}${said.group}${details(said)}`,
    );
    const shared = sameTail && first.tail !== '' ? `: ${first.tail}` : '';
    return `${stem}${shared}: ${list(facts)}`;
  }
  const facts = kind.map((said) => `${said.head} in ${said.group}${details(said)}`);
  return sameTail && first.tail !== '' ? `${list(facts)}: ${first.tail}` : list(facts);
}

/** Facts that hold commas (lists of names) are told apart with semicolons. */
function list(facts: readonly string[]): string {
  return facts.join(facts.some((fact) => fact.includes(',')) ? '; ' : ', ');
}
