import { describe, expect, it } from 'vitest';
import { tokenizeFilter } from './tokenize-filter.js';

const brief = (text: string): string[] =>
  tokenizeFilter(text).map((token) => `${token.kind}@${token.start}:${token.raw}`);

describe('tokenizeFilter', () => {
  it('splits words, operators, strings, numbers and punctuation, with 0-based starts', () => {
    expect(brief('attr."a b" >= -1_000.5e2, (x)')).toEqual([
      'word@0:attr',
      'punct@4:.',
      'string@5:"a b"',
      'op@11:>=',
      'number@14:-1_000.5e2',
      'punct@24:,',
      'punct@26:(',
      'word@27:x',
      'punct@28:)',
      'end@29:',
    ]);
  });

  it('decodes string escapes and numbers', () => {
    const [string, number] = tokenizeFilter(String.raw`'it\'s \u0041' 1_000`);
    expect(string).toMatchObject({ kind: 'string', value: "it's A" });
    expect(number).toMatchObject({ kind: 'number', value: 1000 });
  });

  it('keeps a minus apart from a number only when no digit follows', () => {
    expect(brief('a>-3')).toEqual(['word@0:a', 'op@1:>', 'number@2:-3', 'end@4:']);
    expect(() => tokenizeFilter('a - 3')).toThrow('position 3: unexpected "-"');
  });

  it('reports a character outside the language by its code point', () => {
    expect(() => tokenizeFilter('region = "x" 😀')).toThrow('position 14: unexpected "😀"');
  });
});
