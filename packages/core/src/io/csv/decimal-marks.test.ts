import { describe, expect, it } from 'vitest';
import { DecimalMarks } from './decimal-marks.js';

describe('DecimalMarks', () => {
  it('reads thousands in amounts but never in coordinates', () => {
    const comma = new DecimalMarks(true);
    expect(['1.200,50', '12.000', '1,5', '7'].map((c) => comma.amount(c, 2))).toEqual([
      1200.5, 12000, 1.5, 7,
    ]);
    expect(['45,123', '45.123'].map((c) => comma.coordinate(c))).toEqual([45.123, 45.123]);
    const point = new DecimalMarks(false);
    expect(['1,200.50', '12,000', '1.5'].map((c) => point.amount(c, 2))).toEqual([
      1200.5, 12000, 1.5,
    ]);
    expect(point.coordinate('45,123')).toBeNaN();
    expect(point.amount('1,5', 3)).toBeNaN();
    expect(point.problem).toBeNull();
  });

  it('refuses a decimal point after a decimal-comma file read "12.000" as twelve thousand', () => {
    const marks = new DecimalMarks(true);
    expect(marks.amount('12.000', 4)).toBe(12000);
    expect(marks.amount('1.234.567', 5)).toBe(1234567);
    expect(marks.amount('1.5', 9)).toBeNaN();
    expect(marks.problem).toBe(
      'has a decimal point, but line 4 has "12.000", read with "." grouping thousands as in a semicolon file: write numbers one way (1.234,5 or 1234,5)',
    );
    expect(marks.amount('2,5', 10)).toBe(2.5);
    expect(marks.problem).toBeNull();
  });

  it('and the other way round', () => {
    const marks = new DecimalMarks(true);
    expect(marks.amount('0.125', 2)).toBe(0.125);
    expect(marks.amount('12.000', 3)).toBeNaN();
    expect(marks.problem).toBe(
      'reads as 12000 ("." groups thousands in a semicolon file), but line 2 has "0.125" with a decimal point: write numbers one way (1.234,5 or 1234,5)',
    );
  });
});
