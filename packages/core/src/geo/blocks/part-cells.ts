import type { FlatPolygons } from './flat-polygons.js';
import { partBox } from './flat-polygons.js';

/**
 * A uniform grid over all parts' boxes, each cell listing the parts whose box meets it: the
 * candidates for a point are one cell's short list, read in constant time (a tree search per
 * point costs more than the point-in-polygon test it leads to, over a million accounts).
 */
export class PartCells {
  readonly #minX: number;
  readonly #minY: number;
  readonly #perColumn: number;
  readonly #perRow: number;
  readonly #columns: number;
  readonly #rows: number;
  /** Per part: minX, minY, maxX, maxY. */
  readonly boxes: Float64Array;
  readonly #cellStart: Int32Array;
  readonly #cellParts: Int32Array;

  constructor(flat: FlatPolygons) {
    const parts = flat.partBlock.length;
    this.boxes = new Float64Array(parts * 4);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let part = 0; part < parts; part++) {
      const box = partBox(flat, part);
      this.boxes.set(box, part * 4);
      minX = Math.min(minX, box[0]);
      minY = Math.min(minY, box[1]);
      maxX = Math.max(maxX, box[2]);
      maxY = Math.max(maxY, box[3]);
    }
    // About 64 cells per part, at most a million: cells a fraction of a typical part's size.
    const cells = Math.min(1_000_000, Math.max(1, parts * 64));
    const width = maxX - minX || 1;
    const height = maxY - minY || 1;
    this.#columns = Math.max(1, Math.round(Math.sqrt((cells * width) / height)));
    this.#rows = Math.max(1, Math.round(cells / this.#columns));
    this.#minX = minX;
    this.#minY = minY;
    this.#perColumn = this.#columns / width;
    this.#perRow = this.#rows / height;
    const counts = new Int32Array(this.#columns * this.#rows + 1);
    this.#forEachCell(parts, (cell) => counts[cell + 1]!++);
    for (let c = 0; c < this.#columns * this.#rows; c++) counts[c + 1]! += counts[c]!;
    this.#cellStart = counts;
    this.#cellParts = new Int32Array(counts[this.#columns * this.#rows]!);
    const fill = counts.slice(0, -1);
    this.#forEachCell(parts, (cell, part) => (this.#cellParts[fill[cell]!++] = part));
  }

  /** Calls `visit(part)` for each part whose box contains (x, y), in part order. */
  forEachCandidate(x: number, y: number, visit: (part: number) => void): void {
    const column = Math.floor((x - this.#minX) * this.#perColumn);
    const row = Math.floor((y - this.#minY) * this.#perRow);
    if (column < 0 || row < 0 || column >= this.#columns || row >= this.#rows) {
      // On the far edge of the extent (or outside it): clamp onto the grid.
      if (x < this.#minX || y < this.#minY) return;
      this.#visitCell(
        Math.min(row, this.#rows - 1) * this.#columns + Math.min(column, this.#columns - 1),
        x,
        y,
        visit,
      );
      return;
    }
    this.#visitCell(row * this.#columns + column, x, y, visit);
  }

  #visitCell(cell: number, x: number, y: number, visit: (part: number) => void): void {
    const boxes = this.boxes;
    for (let k = this.#cellStart[cell]!; k < this.#cellStart[cell + 1]!; k++) {
      const part = this.#cellParts[k]!;
      const b = part * 4;
      if (x >= boxes[b]! && y >= boxes[b + 1]! && x <= boxes[b + 2]! && y <= boxes[b + 3]!) {
        visit(part);
      }
    }
  }

  #forEachCell(parts: number, visit: (cell: number, part: number) => void): void {
    const clampTo = (value: number, count: number): number =>
      value < 0 ? 0 : value >= count ? count - 1 : value;
    for (let part = 0; part < parts; part++) {
      const b = part * 4;
      const c0 = clampTo(
        Math.floor((this.boxes[b]! - this.#minX) * this.#perColumn),
        this.#columns,
      );
      const c1 = clampTo(
        Math.floor((this.boxes[b + 2]! - this.#minX) * this.#perColumn),
        this.#columns,
      );
      const r0 = clampTo(Math.floor((this.boxes[b + 1]! - this.#minY) * this.#perRow), this.#rows);
      const r1 = clampTo(Math.floor((this.boxes[b + 3]! - this.#minY) * this.#perRow), this.#rows);
      for (let row = r0; row <= r1; row++) {
        for (let column = c0; column <= c1; column++) visit(row * this.#columns + column, part);
      }
    }
  }
}
