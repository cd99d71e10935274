import { describe, expect, it } from 'vitest';
import { compareHref, makeReference, parseSelection, toggleSelected } from './selection.ts';

describe('parseSelection', () => {
  it('reads ids in order, trimmed, without repeats', () => {
    expect(parseSelection(' sc_a, sc_b,,sc_a ')).toEqual({ ids: ['sc_a', 'sc_b'], problem: null });
  });

  it('asks for more when one scenario is named, and says nothing when none are', () => {
    expect(parseSelection('sc_a').problem).toBe('Pick at least 1 more scenario to compare with.');
    expect(parseSelection(null)).toEqual({ ids: [], problem: null });
  });

  it('keeps the first four of a longer list and says so', () => {
    const parsed = parseSelection('a,b,c,d,e');
    expect(parsed.ids).toEqual(['a', 'b', 'c', 'd']);
    expect(parsed.problem).toMatch(/names 5 scenarios; a comparison takes 2 to 4/);
  });
});

describe('compareHref', () => {
  it('round-trips through parseSelection', () => {
    const href = compareHref(['sc_1', 'sc 2']);
    expect(href).toBe('/compare?s=sc_1,sc%202');
    const param = new URL(href, 'http://x').searchParams.get('s');
    expect(parseSelection(param).ids).toEqual(['sc_1', 'sc 2']);
  });
});

describe('toggleSelected and makeReference', () => {
  it('adds up to four, removes, and moves one to the front', () => {
    let ids: string[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'e']) ids = toggleSelected(ids, id);
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
    expect(toggleSelected(ids, 'b')).toEqual(['a', 'c', 'd']);
    expect(makeReference(ids, 'c')).toEqual(['c', 'a', 'b', 'd']);
    expect(makeReference(ids, 'z')).toEqual(ids);
  });
});
