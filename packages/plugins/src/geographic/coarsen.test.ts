import { describe, expect, it } from 'vitest';
import { allocateAtoms, normalizeAtoms, type AtomSet } from './atoms.js';
import { coarsen, hilbertIndex } from './coarsen.js';
import { Pacer } from './pacer.js';

const pacer = new Pacer(new AbortController().signal, () => undefined);

function grid(side: number): AtomSet {
  const atoms = allocateAtoms(side * side);
  for (let i = 0; i < side * side; i++) {
    const lat = ((Math.floor(i / side) - side / 2) * 0.1 * Math.PI) / 180;
    const lon = (((i % side) - side / 2) * 0.1 * Math.PI) / 180;
    atoms.sx[i] = Math.cos(lat) * Math.cos(lon);
    atoms.sy[i] = Math.cos(lat) * Math.sin(lon);
    atoms.sz[i] = Math.sin(lat);
    atoms.w[i] = 1;
    atoms.b[i] = 1 + (i % 3);
    atoms.ownerRep[i] = i % 2;
    atoms.ownerW[i] = 1;
  }
  normalizeAtoms(atoms);
  return atoms;
}

describe('hilbertIndex', () => {
  it('visits every cell of the grid once, each step to a neighbouring cell', () => {
    const bits = 3;
    const side = 1 << bits;
    const at = new Map<number, [number, number]>();
    for (let x = 0; x < side; x++)
      for (let y = 0; y < side; y++) at.set(hilbertIndex(x, y, bits), [x, y]);
    expect(at.size).toBe(side * side);
    for (let d = 1; d < side * side; d++) {
      const [x0, y0] = at.get(d - 1)!;
      const [x1, y1] = at.get(d)!;
      expect(Math.abs(x1 - x0) + Math.abs(y1 - y0)).toBe(1);
    }
  });
});

describe('coarsen', () => {
  it('puts every atom in exactly one cell and keeps the totals', async () => {
    const atoms = grid(20);
    const { cells, cellOf } = await coarsen(
      atoms,
      {
        maxAtoms: 8,
        maxLoad: 1e9,
        territories: 4,
        owners: true,
      },
      pacer,
    );
    expect(cells.count).toBeGreaterThanOrEqual(50);
    const members = new Int32Array(cells.count);
    for (const c of cellOf) members[c]!++;
    expect(Math.max(...members)).toBeLessThanOrEqual(8);
    const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);
    expect(sum(cells.b)).toBe(sum(atoms.b));
    expect(sum(cells.w)).toBe(sum(atoms.w));
    expect(Array.from(cells.ownerRep).every((r) => r === 0 || r === 1)).toBe(true);
  });

  it('stops a cell before its load passes the cap', async () => {
    const atoms = grid(10);
    const { cells } = await coarsen(
      atoms,
      { maxAtoms: 100, maxLoad: 5, territories: 1, owners: false },
      pacer,
    );
    expect(Math.max(...cells.b)).toBeLessThanOrEqual(5);
  });

  it('keeps cells compact: far apart atoms never share one', async () => {
    const atoms = allocateAtoms(4);
    const points = [
      [0, 0],
      [0, 0.001],
      [0.5, 1],
      [0.5, 1.001],
    ];
    points.forEach(([lat, lon], i) => {
      atoms.sx[i] = Math.cos(lat!) * Math.cos(lon!);
      atoms.sy[i] = Math.cos(lat!) * Math.sin(lon!);
      atoms.sz[i] = Math.sin(lat!);
      atoms.b[i] = 1;
    });
    normalizeAtoms(atoms);
    const { cellOf } = await coarsen(
      atoms,
      { maxAtoms: 4, maxLoad: 100, territories: 2, owners: false },
      pacer,
    );
    expect(cellOf[0]).toBe(cellOf[1]);
    expect(cellOf[2]).toBe(cellOf[3]);
    expect(cellOf[0]).not.toBe(cellOf[2]);
  });
});
