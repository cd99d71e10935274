import { describe, expect, it } from 'vitest';
import { ACCOUNT_COLUMNS, normalizeHeader, REP_COLUMNS, resolveHeader } from './columns.js';
import { CsvImportError } from './import-error.js';

describe('normalizeHeader', () => {
  it('trims, lower-cases and joins words with underscores', () => {
    expect(normalizeHeader('  Postal Code ')).toBe('postal_code');
    expect(normalizeHeader('POSTAL-CODE')).toBe('postal_code');
    expect(normalizeHeader('annual  revenue')).toBe('annual_revenue');
  });
});

describe('resolveHeader', () => {
  it('finds canonical columns and aliases, and keeps the rest as extras', () => {
    const header = resolveHeader(
      ['Account ID', 'Latitude', 'lng', 'Tier', '', 'zip'],
      ACCOUNT_COLUMNS,
      ['id'],
    );
    expect(header.index.id).toBe(0);
    expect(header.index.lat).toBe(1);
    expect(header.index.lon).toBe(2);
    expect(header.index.postal_code).toBe(5);
    expect(header.index.name).toBe(-1);
    expect(header.label.lat).toBe('Latitude');
    expect(header.label.name).toBe('name');
    expect(header.extras).toEqual([{ index: 3, name: 'Tier' }]);
    expect(header.width).toBe(6);
  });

  it('prefers the canonical header over an alias wherever it stands', () => {
    const header = resolveHeader(['id', 'zip', 'postal_code', 'postcode'], ACCOUNT_COLUMNS, ['id']);
    expect(header.index.postal_code).toBe(2);
    expect(header.extras.map((e) => e.name)).toEqual(['zip', 'postcode']);
  });

  it('lets the leftmost of two aliases win', () => {
    const header = resolveHeader(['rep_id', 'latitude', 'long', 'longitude'], REP_COLUMNS, ['id']);
    expect(header.index.id).toBe(0);
    expect(header.index.lon).toBe(2);
    expect(header.extras.map((e) => e.name)).toEqual(['longitude']);
  });

  it('rejects a repeated header and a missing required column', () => {
    expect(() => resolveHeader(['id', 'Name', 'name '], ACCOUNT_COLUMNS, ['id'])).toThrow(
      'column "name" appears twice (columns 2 and 3)',
    );
    expect(() => resolveHeader(['name'], ACCOUNT_COLUMNS, ['id'])).toThrow(CsvImportError);
  });
});
