import { ACCOUNT_CATEGORIES, ACCOUNT_MEASURES } from '@tessera/core';
import { DEFAULT_TIERS } from '@tessera/plugins';
import { describe, expect, it } from 'vitest';
import { FILTER_FIELDS, SIZE_TIER_IDS, filterField } from './fields.js';

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

describe('FILTER_FIELDS', () => {
  it('names every measure as a number and every category as text', () => {
    for (const measure of ACCOUNT_MEASURES) {
      expect(filterField(snake(measure))?.type).toBe('number');
    }
    for (const category of ACCOUNT_CATEGORIES) {
      expect(filterField(snake(category))?.type).toBe('text');
    }
    expect(filterField('id')?.type).toBe('text');
    expect(filterField('name')?.type).toBe('text');
    expect(filterField('locked')?.type).toBe('boolean');
    expect(filterField('size')?.type).toBe('tier');
    expect(filterField('skills')?.type).toBe('tags');
  });

  it('lists each name once, with a description', () => {
    const names = FILTER_FIELDS.map((field) => field.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(2 + ACCOUNT_MEASURES.length + ACCOUNT_CATEGORIES.length + 3);
    for (const field of FILTER_FIELDS) expect(field.description).not.toBe('');
  });

  it("takes size tiers from the size strategy's defaults", () => {
    expect(SIZE_TIER_IDS).toEqual(DEFAULT_TIERS.map((tier) => tier.id));
    expect(SIZE_TIER_IDS).toEqual(['enterprise', 'midmarket', 'smb']);
  });
});
