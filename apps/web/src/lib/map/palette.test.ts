import { describe, expect, it } from 'vitest';
import { hexToRgba, SINGLE_COLOUR, TERRITORY_PALETTE, UNASSIGNED_COLOUR } from './palette.ts';

describe('palette', () => {
  it('reads #RRGGBB as RGBA', () => {
    expect(hexToRgba('#CC6677')).toEqual([204, 102, 119, 255]);
    expect(hexToRgba('#332288', 128)).toEqual([51, 34, 136, 128]);
  });

  it('says which colour it cannot read', () => {
    expect(() => hexToRgba('red')).toThrow('"red" is not a colour of the form #RRGGBB');
  });

  it('holds distinct colours, none of them the unassigned or single colour', () => {
    const all = [...TERRITORY_PALETTE, UNASSIGNED_COLOUR, SINGLE_COLOUR].map((c) =>
      c.toUpperCase(),
    );
    expect(new Set(all).size).toBe(all.length);
    for (const colour of all) expect(() => hexToRgba(colour)).not.toThrow();
  });
});
