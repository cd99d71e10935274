import { describe, expect, it } from 'vitest';
import { escapeCsvCell, formatNumber } from './write-csv.js';

describe('escapeCsvCell', () => {
  it('leaves plain text alone', () => {
    expect(escapeCsvCell('Acme Inc')).toBe('Acme Inc');
    expect(escapeCsvCell('')).toBe('');
    expect(escapeCsvCell('Zoë 東京')).toBe('Zoë 東京');
  });

  it('quotes cells with a comma, quote, CR or LF and doubles the quotes', () => {
    expect(escapeCsvCell('Smith, Jones')).toBe('"Smith, Jones"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell('a\nb')).toBe('"a\nb"');
    expect(escapeCsvCell('a\rb')).toBe('"a\rb"');
  });

  it('puts a quote mark before text a spreadsheet would run as a formula', () => {
    expect(escapeCsvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(escapeCsvCell('+1')).toBe("'+1");
    expect(escapeCsvCell('-73.9')).toBe("'-73.9");
    expect(escapeCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeCsvCell('\tx')).toBe("'\tx");
    expect(escapeCsvCell('\rx')).toBe('"\'\rx"');
    expect(escapeCsvCell('a=b')).toBe('a=b');
  });
});

describe('formatNumber', () => {
  it('writes numbers so they read back exactly, and NaN as an empty cell', () => {
    expect(formatNumber(-73.9)).toBe('-73.9');
    expect(formatNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatNumber(1e21)).toBe('1e+21');
    expect(formatNumber(Number.NaN)).toBe('');
  });
});
