import { describe, expect, it } from 'vitest';
import { blocksFromGeoJson } from './blocks-from-geojson.js';
import { blocksForUnits, unitsLabel } from './blocks-for-units.js';
import { gridCollection } from './grid-blocks.fixture.js';
import { usCounties, usStates } from './us-atlas.js';

describe('blocksForUnits', () => {
  const own = blocksFromGeoJson(gridCollection(2, 2), { idProperty: 'CODE' });

  it('names the bundled US blocks, the dataset’s own, or none', async () => {
    expect(await blocksForUnits('county')).toBe(await usCounties());
    expect(await blocksForUnits(' States ')).toBe(await usStates());
    expect(await blocksForUnits('blocks', own)).toBe(own);
    expect(await blocksForUnits(undefined, own)).toBe(own);
    expect(await blocksForUnits(undefined)).toBeNull();
    expect(await blocksForUnits('postal_code', own)).toBeNull();
    expect(await blocksForUnits('blocks')).toBeNull();
  });

  it('labels them for messages', () => {
    expect(unitsLabel('county')).toBe('US counties');
    expect(unitsLabel('state')).toBe('US states');
    expect(unitsLabel('blocks')).toBe('the boundaries file');
  });
});
