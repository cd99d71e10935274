import { describe, expect, it } from 'vitest';
import type { FilterExpression } from './filter-ast.js';
import { formatFilter, formatString } from './format-filter.js';
import { parseFilter } from './parse-filter.js';

const canonical = (text: string): string => formatFilter(parseFilter(text));

describe('formatFilter', () => {
  it('prints lower-case keywords, double quotes and single spaces', () => {
    expect(canonical(`Region='West'  AND industry IN ('healthcare','retail')`)).toBe(
      'region = "West" and industry in ("healthcare", "retail")',
    );
    expect(canonical('owner IS NOT NULL or lat is null')).toBe('owner is not null or lat is null');
    expect(canonical('employees NOT IN (1,2) and locked = TRUE')).toBe(
      'employees not in (1, 2) and locked = true',
    );
    expect(canonical(`skills HAS 'lang:es' or WITHIN 'bay-area' or ALL`)).toBe(
      'skills has "lang:es" or within "bay-area" or all',
    );
  });

  it('writes numbers plainly', () => {
    expect(canonical('potential >= 1_000_000')).toBe('potential >= 1000000');
    expect(canonical('potential > 1.50e3')).toBe('potential > 1500');
    expect(canonical('potential < -0')).toBe('potential < -0');
    expect(canonical('potential < 1e21')).toBe('potential < 1e+21');
  });

  it('parenthesises every nested group, so precedence shows', () => {
    expect(canonical('region = "a" or region = "b" and region = "c"')).toBe(
      'region = "a" or (region = "b" and region = "c")',
    );
    expect(canonical('not (region = "a" or all)')).toBe('not (region = "a" or all)');
    expect(canonical('not region = "a"')).toBe('not region = "a"');
    expect(canonical('(all and all) and all')).toBe('(all and all) and all');
    expect(canonical('((all))')).toBe('all');
  });

  it('quotes attribute columns that are not plain names', () => {
    expect(canonical('attr.segment = "x"')).toBe('attr.segment = "x"');
    expect(canonical(`attr.'column with spaces' is null`)).toBe(
      'attr."column with spaces" is null',
    );
    expect(canonical('attr."9lives" is null')).toBe('attr."9lives" is null');
  });

  it('escapes quotes, backslashes and control characters', () => {
    expect(formatString('say "hi" \\ there')).toBe(String.raw`"say \"hi\" \\ there"`);
    expect(formatString('a\nb\tc\u0001')).toBe(String.raw`"a\nb\tc\u0001"`);
    expect(formatString('São Paulo')).toBe('"São Paulo"');
  });

  it('prints what a degenerate group means', () => {
    const leaf: FilterExpression = { kind: 'compare', field: 'region', op: '=', value: 'a' };
    expect(formatFilter({ kind: 'and', operands: [] })).toBe('all');
    expect(formatFilter({ kind: 'or', operands: [] })).toBe('not all');
    expect(formatFilter({ kind: 'or', operands: [leaf] })).toBe('region = "a"');
    expect(
      formatFilter({
        kind: 'and',
        operands: [{ kind: 'or', operands: [{ kind: 'or', operands: [leaf, leaf] }] }, leaf],
      }),
    ).toBe('(region = "a" or region = "a") and region = "a"');
  });
});
