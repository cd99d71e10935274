import { TesseraError } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import type { FilterExpression } from './filter-ast.js';
import { FilterSyntaxError } from './filter-error.js';
import { parseFilter } from './parse-filter.js';

const region = (value: string): FilterExpression => ({
  kind: 'compare',
  field: 'region',
  op: '=',
  value,
});

function errorOf(text: string): FilterSyntaxError {
  try {
    parseFilter(text);
  } catch (error) {
    if (error instanceof FilterSyntaxError) return error;
    throw error;
  }
  throw new Error(`"${text}" parsed`);
}

describe('parseFilter', () => {
  it('reads every comparison operator', () => {
    for (const op of ['=', '!=', '<', '<=', '>', '>='] as const) {
      expect(parseFilter(`potential ${op} 10`)).toEqual({
        kind: 'compare',
        field: 'potential',
        op,
        value: 10,
      });
    }
    expect(parseFilter('region != "West"')).toEqual({
      kind: 'compare',
      field: 'region',
      op: '!=',
      value: 'West',
    });
  });

  it('reads in, not in, is null, is not null, has, within and all', () => {
    expect(parseFilter(`industry in ("healthcare", 'retail')`)).toEqual({
      kind: 'in',
      field: 'industry',
      values: ['healthcare', 'retail'],
      negated: false,
    });
    expect(parseFilter('employees not in (1, 2)')).toEqual({
      kind: 'in',
      field: 'employees',
      values: [1, 2],
      negated: true,
    });
    expect(parseFilter('owner is null')).toEqual({
      kind: 'isNull',
      field: 'owner',
      negated: false,
    });
    expect(parseFilter('lat is not null')).toEqual({ kind: 'isNull', field: 'lat', negated: true });
    expect(parseFilter('skills has "industry:healthcare"')).toEqual({
      kind: 'has',
      field: 'skills',
      tag: 'industry:healthcare',
    });
    expect(parseFilter('within "bay-area"')).toEqual({ kind: 'within', area: 'bay-area' });
    expect(parseFilter('all')).toEqual({ kind: 'all' });
  });

  it('gives and precedence over or, and not over and', () => {
    expect(parseFilter('region = "a" or region = "b" and region = "c"')).toEqual({
      kind: 'or',
      operands: [region('a'), { kind: 'and', operands: [region('b'), region('c')] }],
    });
    expect(parseFilter('not region = "a" and region = "b"')).toEqual({
      kind: 'and',
      operands: [{ kind: 'not', operand: region('a') }, region('b')],
    });
    expect(parseFilter('(region = "a" or region = "b") and region = "c"')).toEqual({
      kind: 'and',
      operands: [{ kind: 'or', operands: [region('a'), region('b')] }, region('c')],
    });
  });

  it('flattens a chain of one connective but keeps parenthesised groups', () => {
    expect(parseFilter('region = "a" and region = "b" and region = "c"')).toEqual({
      kind: 'and',
      operands: [region('a'), region('b'), region('c')],
    });
    expect(parseFilter('(region = "a" and region = "b") and region = "c"')).toEqual({
      kind: 'and',
      operands: [{ kind: 'and', operands: [region('a'), region('b')] }, region('c')],
    });
    expect(parseFilter('((region = "a"))')).toEqual(region('a'));
    expect(parseFilter('not not all')).toEqual({
      kind: 'not',
      operand: { kind: 'not', operand: { kind: 'all' } },
    });
  });

  it('takes keywords and field names in any case', () => {
    expect(parseFilter('Region = "West" AND NOT Locked = TRUE Or ALL')).toEqual({
      kind: 'or',
      operands: [
        {
          kind: 'and',
          operands: [
            region('West'),
            { kind: 'not', operand: { kind: 'compare', field: 'locked', op: '=', value: true } },
          ],
        },
        { kind: 'all' },
      ],
    });
  });

  it('reads numbers: negatives, decimals, exponents and _ separators', () => {
    const value = (text: string): unknown =>
      (parseFilter(`potential > ${text}`) as { value: unknown }).value;
    expect(value('1_000_000')).toBe(1_000_000);
    expect(value('-3')).toBe(-3);
    expect(value('-0.25')).toBe(-0.25);
    expect(value('.5')).toBe(0.5);
    expect(value('1.5e3')).toBe(1500);
    expect(value('2E-2')).toBe(0.02);
    expect(value('1e+21')).toBe(1e21);
    expect(value('-0')).toBe(-0);
    expect(parseFilter('potential>-3')).toEqual({
      kind: 'compare',
      field: 'potential',
      op: '>',
      value: -3,
    });
  });

  it('reads strings in either quote with escapes', () => {
    const value = (text: string): unknown =>
      (parseFilter(`region = ${text}`) as { value: unknown }).value;
    expect(value(`"it's"`)).toBe("it's");
    expect(value(`'say "hi"'`)).toBe('say "hi"');
    expect(value(String.raw`"a\"b\\c\'d"`)).toBe(`a"b\\c'd`);
    expect(value(String.raw`"tab\there\nnew\u00e9"`)).toBe('tab\there\nnewé');
    expect(value('"São Paulo"')).toBe('São Paulo');
  });

  it('reads attribute columns, bare or quoted', () => {
    expect(parseFilter('attr.segment = "gold"')).toEqual({
      kind: 'compare',
      field: 'attr.segment',
      op: '=',
      value: 'gold',
    });
    expect(parseFilter('ATTR."column with spaces" is null')).toEqual({
      kind: 'isNull',
      field: 'attr.column with spaces',
      negated: false,
    });
    // Attribute names keep their case: they are CSV headers.
    expect(parseFilter('attr.Segment in ("a")')).toMatchObject({ field: 'attr.Segment' });
  });

  it('takes booleans for locked and tier ids for size', () => {
    expect(parseFilter('locked != false')).toEqual({
      kind: 'compare',
      field: 'locked',
      op: '!=',
      value: false,
    });
    expect(parseFilter('size in ("enterprise", "smb")')).toEqual({
      kind: 'in',
      field: 'size',
      values: ['enterprise', 'smb'],
      negated: false,
    });
  });
});

describe('parseFilter errors', () => {
  const cases: [text: string, position: number, reason: string][] = [
    ['potential >> 3', 11, 'unexpected ">>"'],
    ['region == "West"', 8, 'unexpected "==" (use =)'],
    ['region <> "West"', 8, 'unexpected "<>" (use !=)'],
    ['potential => 3', 11, 'unexpected "=>" (use >=)'],
    ['region ! "West"', 8, 'unexpected "!" (use != or not)'],
    ['potential > 3 # note', 15, 'unexpected "#"'],
    [
      'regin = "West"',
      1,
      'unknown field "regin" (fields: id, name, postal_code, region, country, industry, owner, employees, annual_revenue, potential, revenue, workload, lat, lon, locked, size, skills, attr.<column>)',
    ],
    ['potential < "3"', 13, 'expected a number after "<"'],
    ['employees in (1, "2")', 18, 'expected a number after ","'],
    ['region = West', 10, 'expected a string after "=" (quote text: "West")'],
    ['region = 3', 10, 'expected a string after "="'],
    ['region = "West', 10, 'unterminated string'],
    [String.raw`region = "a\qb"`, 12, String.raw`unknown escape "\q"`],
    [String.raw`region = "\u12"`, 11, String.raw`expected 4 hex digits after "\u"`],
    ['potential > 1__0', 13, 'invalid number "1__0"'],
    ['potential > 10_', 13, 'invalid number "10_"'],
    ['potential > 12abc', 13, 'invalid number "12abc"'],
    ['potential > 1e999', 13, 'number out of range "1e999"'],
    ['', 1, 'empty filter (write all to match every account)'],
    ['   ', 4, 'empty filter (write all to match every account)'],
    ['region = "a" and', 17, 'expected a condition after "and"'],
    ['not', 4, 'expected a condition after "not"'],
    ['(region = "a"', 14, 'expected ")" to close the "(" at position 1'],
    ['region = "a")', 13, 'unexpected ")" without a matching "("'],
    ['region = "a" region = "b"', 14, 'unexpected "region"'],
    ['and region = "a"', 1, 'unexpected "and"'],
    ['"West"', 1, 'unexpected string "West"'],
    [
      'region < "a"',
      8,
      '"<" does not apply to text field "region" (use =, !=, in, not in, is null, is not null)',
    ],
    ['locked = 1', 10, 'expected true or false after "="'],
    ['locked > true', 8, '">" does not apply to boolean field "locked" (use = or !=)'],
    ['locked in (true)', 8, '"in" does not apply to boolean field "locked" (use = or !=)'],
    ['locked is null', 8, '"is null" does not apply to boolean field "locked" (use = or !=)'],
    ['size = "big"', 8, 'unknown size tier "big" (tiers: "enterprise", "midmarket", "smb")'],
    ['size = smb', 8, 'expected a size tier after "=" ("enterprise", "midmarket", "smb")'],
    ['size >= "smb"', 6, '">=" does not apply to tier field "size" (use =, !=, in or not in)'],
    [
      'size is not null',
      6,
      '"is null" does not apply to tier field "size" (use =, !=, in or not in)',
    ],
    ['skills = "x"', 8, '"skills" is a tags field: use has "<tag>"'],
    ['skills has industry', 12, 'expected a skill in quotes after "has"'],
    [
      'region has "x"',
      8,
      '"has" does not apply to text field "region" (use =, !=, in, not in, is null, is not null)',
    ],
    ['within bay', 8, 'expected an area name in quotes after "within"'],
    ['region', 7, 'expected an operator after "region" (=, !=, in, not in, is null, is not null)'],
    ['region is "x"', 11, 'expected "null" after "is"'],
    ['region is not 3', 15, 'expected "null" after "not"'],
    ['region not ("a")', 12, 'expected "in" after "not"'],
    ['region in "a"', 11, 'expected "(" after "in"'],
    ['region in ()', 12, 'expected a string after "("'],
    ['region in ("a" "b")', 16, 'expected "," or ")"'],
    ['region in ("a",)', 16, 'expected a string after ","'],
    ['attr. = "x"', 7, 'expected a column name after "attr."'],
    ['attr."" = "x"', 6, 'empty attribute column name'],
    [
      'attr.seg < 3',
      10,
      '"<" does not apply to attribute field "attr.seg" (use =, !=, in, not in, is null, is not null)',
    ],
  ];

  it.each(cases)('%s → position %i: %s', (text, position, reason) => {
    const error = errorOf(text);
    expect(error).toBeInstanceOf(TesseraError);
    expect(error.code).toBe('INVALID_FILTER');
    expect(error.position).toBe(position);
    expect(error.reason).toBe(reason);
    expect(error.message).toBe(`filter "${text}": position ${position}: ${reason}`);
  });
});
