import { describe, expect, it } from 'vitest';
import { adoptionOf, withAdoption, withoutAdoption } from './adoption-note.ts';

const DAY = new Date('2026-12-03T15:00:00Z');

describe('adoption notes', () => {
  it('puts the line first and keeps what the planner wrote', () => {
    const text = withAdoption('Two new reps in the west.', DAY, ['Base', 'Say "hi"']);
    expect(text).toBe(`Adopted on 2026-12-03 over "Base", "Say 'hi'".\nTwo new reps in the west.`);
    expect(adoptionOf(text)).toEqual({ on: '2026-12-03', line: text.split('\n')[0] });
    expect(withoutAdoption(text)).toBe('Two new reps in the west.');
  });

  it('replaces an older line rather than stacking them', () => {
    const once = withAdoption(undefined, new Date('2026-01-02T00:00:00Z'), []);
    expect(once).toBe('Adopted on 2026-01-02.');
    const twice = withAdoption(once, DAY, ['B']);
    expect(twice).toBe('Adopted on 2026-12-03 over "B".');
    expect(withoutAdoption(twice)).toBeUndefined();
  });

  it('reads no adoption in ordinary descriptions', () => {
    expect(adoptionOf(undefined)).toBeNull();
    expect(adoptionOf('We adopted on Monday')).toBeNull();
    expect(adoptionOf('Notes\nAdopted on 2026-12-03.')).toBeNull();
    expect(withoutAdoption('Notes')).toBe('Notes');
  });
});
