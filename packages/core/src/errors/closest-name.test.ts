import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './closest-name.js';

describe('editDistance', () => {
  it('counts inserts, deletes, substitutions and swaps of neighbours', () => {
    expect(editDistance('acounts', 'accounts')).toBe(1);
    expect(editDistance('tolerence', 'tolerance')).toBe(1);
    expect(editDistance('teh', 'the')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('closestName', () => {
  it('suggests the nearest known name, ignoring case, "_" and "-"', () => {
    expect(closestName('acounts', ['ids', 'accounts', 'to'])).toBe('accounts');
    expect(closestName('tolerence', ['seed', 'tolerance'])).toBe('tolerance');
    expect(closestName('min_share', ['minShare'])).toBe('minShare');
    expect(closestName('reasign', ['remove-rep', 'reassign', 'lock'])).toBe('reassign');
  });

  it('suggests nothing when no name is close', () => {
    expect(closestName('k', ['seed', 'tiers'])).toBeNull();
    expect(closestName('colour', [])).toBeNull();
    expect(closestName('regionz', ['potential'])).toBeNull();
  });
});
