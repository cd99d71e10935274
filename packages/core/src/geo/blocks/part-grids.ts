import type { FlatPolygons } from './flat-polygons.js';
import { partBox } from './flat-polygons.js';

/** A cell wholly outside its part, wholly inside, or crossed by an edge. */
const OUTSIDE = 0;
const INSIDE = 1;
const MIXED = 2;

/**
 * A small grid over each polygon part's box, so most point-in-polygon questions are answered by
 * one cell lookup: cells no edge touches are wholly inside or wholly outside (decided once, by
 * their centre), and only points in cells an edge crosses need a ray cast. That ray cast reads
 * only the edges of the point's grid row (a horizontal band), not the whole part, which is what
 * keeps big, detailed parts (a coastal state) cheap.
 */
export class PartGrids {
  readonly #flat: FlatPolygons;
  /** Per part: minX, minY, 1 / cell width, 1 / cell height. */
  readonly #frame: Float64Array;
  /** Per part: columns, rows, first cell in `#cells`, first band in `#bandStart`. */
  readonly #shape: Int32Array;
  readonly #cells: Uint8Array;
  /** Per band (a row of a part's grid), the offset of its edges in `#bandEdges`. */
  readonly #bandStart: Int32Array;
  /** Edges as the index of their first position (the edge runs to the next position). */
  readonly #bandEdges: Int32Array;

  constructor(flat: FlatPolygons) {
    this.#flat = flat;
    const parts = flat.partBlock.length;
    this.#frame = new Float64Array(parts * 4);
    this.#shape = new Int32Array(parts * 4);
    let cellCount = 0;
    let bandCount = 0;
    for (let part = 0; part < parts; part++) {
      const [minX, minY, maxX, maxY] = partBox(flat, part);
      const positions =
        flat.ringStart[flat.partRingStart[part + 1]!]! - flat.ringStart[flat.partRingStart[part]!]!;
      const [columns, rows] = gridSize(maxX - minX, maxY - minY, positions);
      this.#frame.set(
        [minX, minY, columns / (maxX - minX || 1), rows / (maxY - minY || 1)],
        part * 4,
      );
      this.#shape.set([columns, rows, cellCount, bandCount], part * 4);
      cellCount += columns * rows;
      bandCount += rows;
    }
    this.#cells = new Uint8Array(cellCount);
    this.#bandStart = new Int32Array(bandCount + 1);
    // Edges per band: counted, then placed (two passes keep it in typed arrays).
    this.#forEachEdgeBand((band) => this.#bandStart[band + 1]!++);
    for (let band = 0; band < bandCount; band++) {
      this.#bandStart[band + 1]! += this.#bandStart[band]!;
    }
    this.#bandEdges = new Int32Array(this.#bandStart[bandCount]!);
    const fill = this.#bandStart.slice(0, bandCount);
    this.#forEachEdgeBand((band, edge) => (this.#bandEdges[fill[band]!++] = edge));
    for (let part = 0; part < parts; part++) this.#classifyCells(part);
  }

  /** Whether (x, y) lies inside `part` (holes respected). */
  contains(part: number, x: number, y: number): boolean {
    const f = part * 4;
    const s = part * 4;
    const columns = this.#shape[s]!;
    const rows = this.#shape[s + 1]!;
    const column = clamp(Math.floor((x - this.#frame[f]!) * this.#frame[f + 2]!), columns);
    const row = clamp(Math.floor((y - this.#frame[f + 1]!) * this.#frame[f + 3]!), rows);
    const cell = this.#cells[this.#shape[s + 2]! + row * columns + column]!;
    if (cell !== MIXED) return cell === INSIDE;
    return this.#castRay(this.#shape[s + 3]! + row, x, y);
  }

  /** Even-odd ray cast to +x over the edges of one band. */
  #castRay(band: number, x: number, y: number): boolean {
    const coords = this.#flat.coords;
    let inside = false;
    for (let k = this.#bandStart[band]!; k < this.#bandStart[band + 1]!; k++) {
      const i = this.#bandEdges[k]! * 2;
      const x0 = coords[i]!;
      const y0 = coords[i + 1]!;
      const x1 = coords[i + 2]!;
      const y1 = coords[i + 3]!;
      if (y1 > y !== y0 > y && x < ((x0 - x1) * (y - y1)) / (y0 - y1) + x1) inside = !inside;
    }
    return inside;
  }

  /** Calls `visit(band, edge)` for every edge of every part and each grid row its y-span meets. */
  #forEachEdgeBand(visit: (band: number, edge: number) => void): void {
    const { coords, ringStart, partRingStart } = this.#flat;
    for (let part = 0; part < this.#flat.partBlock.length; part++) {
      const minY = this.#frame[part * 4 + 1]!;
      const perRow = this.#frame[part * 4 + 3]!;
      const rows = this.#shape[part * 4 + 1]!;
      const firstBand = this.#shape[part * 4 + 3]!;
      for (let r = partRingStart[part]!; r < partRingStart[part + 1]!; r++) {
        for (let p = ringStart[r]!; p < ringStart[r + 1]! - 1; p++) {
          const y0 = coords[2 * p + 1]!;
          const y1 = coords[2 * p + 3]!;
          // A hair of slack either side, so rounding at a row's edge never drops an edge.
          const from = clamp(Math.floor((Math.min(y0, y1) - minY) * perRow - 1e-9), rows);
          const to = clamp(Math.floor((Math.max(y0, y1) - minY) * perRow + 1e-9), rows);
          for (let row = from; row <= to; row++) visit(firstBand + row, p);
        }
      }
    }
  }

  /**
   * Marks cells an edge's box touches as mixed; then, row by row, each run of untouched cells
   * lies on one side of every edge (no edge meets the sides they share), so one ray cast from
   * the run's first centre decides the whole run.
   */
  #classifyCells(part: number): void {
    const { coords, ringStart, partRingStart } = this.#flat;
    const [minX, minY, perColumn, perRow] = this.#frame.subarray(part * 4, part * 4 + 4);
    const [columns, rows, firstCell, firstBand] = this.#shape.subarray(part * 4, part * 4 + 4);
    const cells = this.#cells.subarray(firstCell, firstCell! + columns! * rows!);
    const slack = 1e-9;
    for (let r = partRingStart[part]!; r < partRingStart[part + 1]!; r++) {
      for (let p = ringStart[r]!; p < ringStart[r + 1]! - 1; p++) {
        const x0 = coords[2 * p]!;
        const y0 = coords[2 * p + 1]!;
        const x1 = coords[2 * p + 2]!;
        const y1 = coords[2 * p + 3]!;
        const c0 = clamp(Math.floor((Math.min(x0, x1) - minX!) * perColumn! - slack), columns!);
        const c1 = clamp(Math.floor((Math.max(x0, x1) - minX!) * perColumn! + slack), columns!);
        const r0 = clamp(Math.floor((Math.min(y0, y1) - minY!) * perRow! - slack), rows!);
        const r1 = clamp(Math.floor((Math.max(y0, y1) - minY!) * perRow! + slack), rows!);
        for (let row = r0; row <= r1; row++)
          cells.fill(MIXED, row * columns! + c0, row * columns! + c1 + 1);
      }
    }
    for (let row = 0; row < rows!; row++) {
      const y = minY! + (row + 0.5) / perRow!;
      let runValue = -1;
      for (let column = 0; column < columns!; column++) {
        const k = row * columns! + column;
        if (cells[k] === MIXED) {
          runValue = -1;
          continue;
        }
        if (runValue < 0) {
          const x = minX! + (column + 0.5) / perColumn!;
          runValue = this.#castRay(firstBand! + row, x, y) ? INSIDE : OUTSIDE;
        }
        cells[k] = runValue;
      }
    }
  }
}

/** Columns and rows for a part: about 4 cells per position (at least 64, at most 16,384). */
function gridSize(width: number, height: number, positions: number): [number, number] {
  const cells = Math.min(16_384, Math.max(64, positions * 4));
  const aspect = width > 0 && height > 0 ? width / height : 1;
  const columns = Math.max(1, Math.min(cells, Math.round(Math.sqrt(cells * aspect))));
  const rows = Math.max(1, Math.min(cells, Math.round(cells / columns)));
  return [columns, rows];
}

function clamp(index: number, count: number): number {
  return index < 0 ? 0 : index >= count ? count - 1 : index;
}
