import { describe, expect, it } from 'vitest';
import { square } from '../blocks/grid-blocks.fixture.js';
import { dissolveCells } from './dissolve-cells.js';
import { polygonsArea, polygonsContain, ringArea } from './shape-checks.fixture.js';

/** A `size` × `size` grid of unit squares, row by row. */
function grid(size: number) {
  const cells = [];
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) cells.push(square(column, row, 1));
  }
  return cells;
}

describe('dissolveCells', () => {
  it('unites the cells of a label into one outline', () => {
    const [left, right] = dissolveCells(grid(2), [0, 1, 0, 1], 2);
    expect(left).toHaveLength(1);
    expect(left![0]).toHaveLength(1);
    expect(polygonsArea(left!)).toBe(2);
    expect(polygonsArea(right!)).toBe(2);
    expect(ringArea(left![0]![0]!)).toBeGreaterThan(0); // counter-clockwise outline
  });

  it('cuts a label touching itself at a corner into two polygons', () => {
    const [diagonal] = dissolveCells(grid(2), [0, 1, 1, 0], 2);
    expect(diagonal).toHaveLength(2);
    expect(polygonsArea(diagonal!)).toBe(2);
  });

  it('keeps a hole under its outline, clockwise', () => {
    const labels = [0, 0, 0, 0, 1, 0, 0, 0, 0];
    const [ring, centre] = dissolveCells(grid(3), labels, 2);
    expect(ring).toHaveLength(1);
    expect(ring![0]).toHaveLength(2);
    expect(ringArea(ring![0]![1]!)).toBeLessThan(0);
    expect(polygonsArea(ring!)).toBe(8);
    expect(polygonsContain(ring!, 1.5, 1.5)).toBe(false);
    expect(polygonsContain(centre!, 1.5, 1.5)).toBe(true);
  });

  it('matches vertices computed twice with rounding differences', () => {
    const a = square(0, 0, 1);
    const b = square(1 + 1e-13, 0, 1);
    const [both] = dissolveCells([a, b], [0, 0], 1);
    expect(both).toHaveLength(1);
    expect(polygonsArea(both!)).toBeCloseTo(2, 9);
  });

  it('leaves labels without cells empty and skips cells without a label', () => {
    const shapes = dissolveCells([square(0, 0, 1), null, square(1, 0, 1)], [0, 0, -1], 3);
    expect(shapes.map((s) => s.length)).toEqual([1, 0, 0]);
  });
});
