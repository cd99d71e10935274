import { describe, expect, it } from 'vitest';
import { isAmbiguousGrouping, parseGroupedNumber, parseNumber } from './parse-number.js';

describe('parseNumber', () => {
  it('reads plain decimals exactly like Number()', () => {
    for (const text of [
      '0',
      '42',
      '-73.9',
      '+5',
      '40.7128',
      '0.1',
      '0.3',
      '123456789012345',
      '.5',
      '5.',
      '-0.000001',
    ]) {
      expect(Object.is(parseNumber(text), Number(text))).toBe(true);
    }
  });

  it('round-trips String(x) for awkward doubles', () => {
    const values = [
      0.1 + 0.2,
      Math.PI,
      -Math.E * 1e-7,
      1e21,
      123456.789e10,
      5e-324,
      Number.MAX_SAFE_INTEGER + 2,
      1 / 3,
    ];
    for (const x of values) expect(parseNumber(String(x))).toBe(x);
  });

  it('agrees with Number() on random decimals', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 2000; k++) {
      const text = (next() * 10 ** Math.floor(next() * 8) - 5000).toFixed(Math.floor(next() * 9));
      expect(parseNumber(text)).toBe(Number(text));
    }
  });

  it('reads exponents and long mantissas through the slow path', () => {
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('2.5E-2')).toBe(0.025);
    expect(parseNumber('12345678901234567890')).toBe(Number('12345678901234567890'));
  });

  it('rejects what is not a plain number', () => {
    for (const text of [
      '',
      '-',
      '.',
      'abc',
      '1,234',
      '0x1F',
      'Infinity',
      'NaN',
      '1e999',
      '1.2.3',
      '12 3',
      '--1',
      '1e',
    ]) {
      expect(parseNumber(text)).toBeNaN();
    }
  });

  it('accepts a decimal comma only when asked (semicolon files)', () => {
    expect(parseNumber('40,5')).toBeNaN();
    expect(parseNumber('40,5', true)).toBe(40.5);
    expect(parseNumber('-73,25', true)).toBe(-73.25);
    expect(parseNumber('1,5e3', true)).toBe(1500);
    expect(parseNumber('1.5', true)).toBe(1.5);
    expect(parseNumber('1.000,5', true)).toBeNaN();
  });
});

describe('parseGroupedNumber', () => {
  it('reads thousands separators: points in decimal-comma files, commas in the others', () => {
    expect(
      ['1.200,50', '12.000', '-1.234.567', '1.000,'].map((t) => parseGroupedNumber(t, true)),
    ).toEqual([1200.5, 12000, -1234567, 1000]);
    expect(['1,200.50', '12,000', '+1,234,567'].map((t) => parseGroupedNumber(t, false))).toEqual([
      1200.5, 12000, 1234567,
    ]);
  });

  it('refuses groups that are not of three, a leading 0, exponents and plain numbers', () => {
    for (const text of ['1.20,5', '1.2000', '0.125', '1234.567', '1.200e3', '12', '1,5', '.200']) {
      expect(parseGroupedNumber(text, true)).toBeNaN();
    }
    for (const text of ['1,20', '0,125', '1.200,5', '12']) {
      expect(parseGroupedNumber(text, false)).toBeNaN();
    }
  });

  it('calls one group of three without a comma ambiguous', () => {
    expect(['12.000', '1.234', '-999.000'].map(isAmbiguousGrouping)).toEqual([true, true, true]);
    expect(['1.234.567', '1.234,5', '0.125', '1.5'].map(isAmbiguousGrouping)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
