import { describe, expect, it } from 'vitest';
import type { Rgba } from '../map/palette.ts';
import { comparisonColours, type ColouredMap } from './comparison-colours.ts';

/** Accounts in a row of columns, `perColumn` a column, column c in territory `plan[c]`. */
function columns(plan: readonly number[], ids: readonly string[], perColumn = 20): ColouredMap {
  const count = plan.length * perColumn;
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  const territory = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const c = Math.floor(i / perColumn);
    lon[i] = -110 + c * 2;
    lat[i] = 35 + (i % perColumn) * 0.2;
    territory[i] = plan[c]!;
  }
  return {
    accounts: { count, lon, lat, territory },
    territories: ids.map((id) => ({ id, name: id })),
  };
}

const same = (a: Rgba, b: Rgba) => a.every((v, i) => v === b[i]);

describe('comparisonColours', () => {
  it('gives a territory the colour it has on the first map, wherever it sits on the others', () => {
    const first = columns([0, 1, 2, 3], ['north', 'east', 'south', 'west']);
    // The same territories listed in another order, over other columns.
    const second = columns([0, 1, 2, 3], ['west', 'north', 'east', 'south']);
    const [a, b] = comparisonColours([first, second]);
    for (const [i, id] of second.territories.map((t) => t.id).entries()) {
      const j = first.territories.findIndex((t) => t.id === id);
      expect(same(b![i]!, a![j]!), id).toBe(true);
    }
  });

  it('colours a territory the first map lacks apart from its neighbours', () => {
    const first = columns([0, 1, 2], ['a', 'b', 'c']);
    const second = columns([0, 3, 1, 2], ['a', 'b', 'c', 'hire']);
    const [, b] = comparisonColours([first, second]);
    // "hire" (index 3) sits between "a" and "b": it takes neither colour.
    expect(same(b![3]!, b![0]!)).toBe(false);
    expect(same(b![3]!, b![1]!)).toBe(false);
  });

  it('colours a lone map as the map itself does', () => {
    expect(comparisonColours([])).toEqual([]);
    expect(comparisonColours([columns([0], ['only'])])[0]).toHaveLength(1);
  });
});
