import { CategoryColumn, StringColumn } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import {
  categoryMask,
  measureCompareMask,
  measureInMask,
  measureNullMask,
  stringMask,
} from './column-masks.js';

const list = (mask: Uint8Array): number[] => [...mask];

describe('categoryMask', () => {
  const column = CategoryColumn.from(['a', null, 'b', 'a', '']);

  it('matches values by code; a missing value satisfies neither in nor not in', () => {
    expect(list(categoryMask(column, { kind: 'oneOf', values: ['a'], negated: false }))).toEqual([
      1, 0, 0, 1, 0,
    ]);
    expect(list(categoryMask(column, { kind: 'oneOf', values: ['a'], negated: true }))).toEqual([
      0, 0, 1, 0, 0,
    ]);
    expect(
      list(categoryMask(column, { kind: 'oneOf', values: ['zz', 'b'], negated: false })),
    ).toEqual([0, 0, 1, 0, 0]);
    expect(list(categoryMask(column, { kind: 'oneOf', values: ['zz'], negated: true }))).toEqual([
      1, 0, 1, 1, 0,
    ]);
  });

  it('finds missing values', () => {
    expect(list(categoryMask(column, { kind: 'isNull', negated: false }))).toEqual([0, 1, 0, 0, 1]);
    expect(list(categoryMask(column, { kind: 'isNull', negated: true }))).toEqual([1, 0, 1, 1, 0]);
  });
});

describe('stringMask', () => {
  const column = StringColumn.from(['ab', '', 'ac', 'é', 'abc']);

  it('compares UTF-8 bytes of equal length only', () => {
    expect(
      list(stringMask(column, { kind: 'oneOf', values: ['ab', 'é'], negated: false })),
    ).toEqual([1, 0, 0, 1, 0]);
    expect(list(stringMask(column, { kind: 'oneOf', values: ['ab'], negated: true }))).toEqual([
      0, 0, 1, 1, 1,
    ]);
    expect(list(stringMask(column, { kind: 'oneOf', values: [''], negated: false }))).toEqual([
      0, 0, 0, 0, 0,
    ]);
    expect(list(stringMask(column, { kind: 'isNull', negated: false }))).toEqual([0, 1, 0, 0, 0]);
  });
});

describe('measure masks', () => {
  const values = Float64Array.of(1, NaN, 3, -0);

  it('never lets NaN satisfy a comparison, not even !=', () => {
    expect(list(measureCompareMask(values, '=', 0))).toEqual([0, 0, 0, 1]);
    expect(list(measureCompareMask(values, '!=', 1))).toEqual([0, 0, 1, 1]);
    expect(list(measureCompareMask(values, '<', 3))).toEqual([1, 0, 0, 1]);
    expect(list(measureCompareMask(values, '<=', 3))).toEqual([1, 0, 1, 1]);
    expect(list(measureCompareMask(values, '>', 0))).toEqual([1, 0, 1, 0]);
    expect(list(measureCompareMask(values, '>=', 1))).toEqual([1, 0, 1, 0]);
    expect(list(measureInMask(values, [3, 0], false))).toEqual([0, 0, 1, 1]);
    expect(list(measureInMask(values, [3], true))).toEqual([1, 0, 0, 1]);
    expect(list(measureNullMask(values, false))).toEqual([0, 1, 0, 0]);
    expect(list(measureNullMask(values, true))).toEqual([1, 0, 1, 1]);
  });
});
