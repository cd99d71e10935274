import { FilterSyntaxError } from './filter-error.js';

export type Token =
  | { readonly kind: 'word'; readonly start: number; readonly raw: string }
  | {
      readonly kind: 'string';
      readonly start: number;
      readonly raw: string;
      readonly value: string;
    }
  | {
      readonly kind: 'number';
      readonly start: number;
      readonly raw: string;
      readonly value: number;
    }
  | { readonly kind: 'op'; readonly start: number; readonly raw: CompareOpText }
  | { readonly kind: 'punct'; readonly start: number; readonly raw: '(' | ')' | ',' | '.' }
  | { readonly kind: 'end'; readonly start: number; readonly raw: '' };

type CompareOpText = '=' | '!=' | '<' | '<=' | '>' | '>=';

const OPS = new Set<string>(['=', '!=', '<', '<=', '>', '>=']);
/** Operators from other languages, each with what to write instead. */
const OP_HINTS: Readonly<Record<string, string>> = {
  '==': '=',
  '<>': '!=',
  '=<': '<=',
  '=>': '>=',
  '!': '!= or not',
};
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
// Digits may be grouped by single underscores between digits: 1_000_000.
const NUMBER =
  /-?(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?/y;
const NUMBER_TAIL = /[A-Za-z0-9_.]/;
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  '"': '"',
  "'": "'",
  n: '\n',
  r: '\r',
  t: '\t',
  '0': '\0',
};

/** Splits filter text into tokens; throws {@link FilterSyntaxError} on a malformed one. */
export function tokenizeFilter(text: string): Token[] {
  const tokens: Token[] = [];
  function fail(index: number, reason: string): never {
    throw new FilterSyntaxError(text, index + 1, reason);
  }
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', start: i, raw: c });
      i++;
    } else if (c === '"' || c === "'") {
      const [value, next] = readString(text, i, fail);
      tokens.push({ kind: 'string', start: i, raw: text.slice(i, next), value });
      i = next;
    } else if (/[0-9]/.test(c) || ((c === '-' || c === '.') && startsNumber(text, i))) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      let end = i + (match?.[0].length ?? 0);
      if (end < text.length && NUMBER_TAIL.test(text[end]!)) {
        while (end < text.length && NUMBER_TAIL.test(text[end]!)) end++;
        fail(i, `invalid number "${text.slice(i, end)}"`);
      }
      const raw = text.slice(i, end);
      const value = Number(raw.replaceAll('_', ''));
      if (!Number.isFinite(value)) fail(i, `number out of range "${raw}"`);
      tokens.push({ kind: 'number', start: i, raw, value });
      i = end;
    } else if (c === '.') {
      tokens.push({ kind: 'punct', start: i, raw: '.' });
      i++;
    } else if (/[<>=!]/.test(c)) {
      let end = i;
      while (end < text.length && /[<>=!]/.test(text[end]!)) end++;
      const raw = text.slice(i, end);
      if (!OPS.has(raw)) {
        const hint = OP_HINTS[raw];
        fail(i, `unexpected "${raw}"${hint === undefined ? '' : ` (use ${hint})`}`);
      }
      tokens.push({ kind: 'op', start: i, raw: raw as CompareOpText });
      i = end;
    } else {
      WORD.lastIndex = i;
      const word = WORD.exec(text)?.[0];
      if (word === undefined) fail(i, `unexpected "${String.fromCodePoint(text.codePointAt(i)!)}"`);
      tokens.push({ kind: 'word', start: i, raw: word });
      i += word.length;
    }
  }
  tokens.push({ kind: 'end', start: text.length, raw: '' });
  return tokens;
}

function startsNumber(text: string, i: number): boolean {
  const next = text[i + 1];
  if (text[i] === '.') return next !== undefined && /[0-9]/.test(next);
  return (
    next !== undefined && (/[0-9]/.test(next) || (next === '.' && /[0-9]/.test(text[i + 2] ?? '')))
  );
}

/** The decoded string starting at the quote `text[start]`, and the index after its close. */
function readString(
  text: string,
  start: number,
  fail: (index: number, reason: string) => never,
): [string, number] {
  const quoteChar = text[start]!;
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === quoteChar) return [value, i + 1];
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const e = text[i + 1];
    if (e === undefined) break;
    if (e === 'u') {
      const hex = /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) ? text.slice(i + 2, i + 6) : '';
      if (hex === '') fail(i, 'expected 4 hex digits after "\\u"');
      value += String.fromCharCode(parseInt(hex, 16));
      i += 6;
      continue;
    }
    const decoded = ESCAPES[e];
    if (decoded === undefined) fail(i, `unknown escape "\\${e}"`);
    value += decoded;
    i += 2;
  }
  return fail(start, 'unterminated string');
}
