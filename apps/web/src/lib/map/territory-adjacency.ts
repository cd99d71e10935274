import type { Bounds } from './bounds.ts';
import type { MapAccounts } from './types.ts';

/**
 * Which territories sit next to each other on the map: `contacts[t]` maps each neighbour of
 * territory t to how many grid contacts they share (more contacts, more visible border).
 */
export interface TerritoryAdjacency {
  size: number;
  contacts: Map<number, number>[];
}

export interface AdjacencyOptions {
  /**
   * Upper bound on grid cells. The grid is shrunk further for plans with many territories so
   * the presence table (a bit per cell and territory) stays under {@link MAX_PRESENCE_BITS}.
   * @default 16384 (about 40 km square over a US dataset with Alaska and Hawaii)
   */
  maxCells?: number;
}

// 1 MB of bits: small enough to stay in cache while a million accounts mark it at random.
const MAX_PRESENCE_BITS = 8 * 1024 * 1024;
/** Up to this many territories, pair contacts are counted in a flat n × n array (16 MB at most). */
const MATRIX_LIMIT = 2048;

/**
 * Two territories are adjacent when accounts of both fall in one grid cell or in cells that
 * touch (sides or corners): a coarse stand-in for "their regions share a border" that needs no
 * shapes, just one pass over the accounts. The grid covers `bounds` with roughly square cells
 * (longitude scaled by the cosine of the middle latitude), so "near" means the same distance
 * east-west as north-south.
 */
export function territoryAdjacency(
  accounts: MapAccounts,
  territoryCount: number,
  bounds: Bounds | null,
  options: AdjacencyOptions = {},
): TerritoryAdjacency {
  const contacts = Array.from({ length: territoryCount }, () => new Map<number, number>());
  if (bounds === null || territoryCount < 2) return { size: territoryCount, contacts };
  const maxCells = Math.max(
    1,
    Math.min(options.maxCells ?? 16_384, Math.floor(MAX_PRESENCE_BITS / territoryCount)),
  );
  const [west, south, east, north] = bounds;
  const midLat = ((south + north) / 2) * (Math.PI / 180);
  const spanX = Math.max((east - west) * Math.cos(midLat), 1e-9);
  const spanY = Math.max(north - south, 1e-9);
  const columns = clamp(Math.round(Math.sqrt((maxCells * spanX) / spanY)), 1, maxCells);
  const rows = clamp(Math.floor(maxCells / columns), 1, maxCells);
  const scaleX = columns / (east - west || 1);
  const scaleY = rows / (north - south || 1);

  // Which territories have accounts in each cell: a presence bit per (cell, territory), and
  // the list of them per cell, grown as accounts mark new pairs.
  const present = new Uint32Array(Math.ceil((columns * rows * territoryCount) / 32));
  const inCell: (number[] | undefined)[] = new Array<number[] | undefined>(columns * rows);
  const { lon, lat, territory, count } = accounts;
  for (let i = 0; i < count; i++) {
    const t = territory[i]!;
    if (t < 0 || t >= territoryCount) continue;
    const x = lon[i]!;
    const y = lat[i]!;
    if (!(x === x && y === y)) continue;
    const cx = Math.min(columns - 1, Math.max(0, Math.floor((x - west) * scaleX)));
    const cy = Math.min(rows - 1, Math.max(0, Math.floor((y - south) * scaleY)));
    const cell = cy * columns + cx;
    const bit = cell * territoryCount + t;
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    if ((present[word]! & mask) !== 0) continue;
    present[word]! |= mask;
    (inCell[cell] ??= []).push(t);
  }

  // Contacts per pair (a < b): a flat matrix while it stays small, a map beyond that.
  const matrix =
    territoryCount <= MATRIX_LIMIT ? new Uint32Array(territoryCount * territoryCount) : null;
  const sparse = matrix ? null : new Map<number, number>();
  const touch = (a: number, b: number): void => {
    if (a === b) return;
    const key = a < b ? a * territoryCount + b : b * territoryCount + a;
    if (matrix) matrix[key]!++;
    else sparse!.set(key, (sparse!.get(key) ?? 0) + 1);
  };
  // Each unordered pair of touching cells once: the cell itself, then east, south-west,
  // south and south-east.
  const forward: [number, number][] = [
    [1, 0],
    [-1, 1],
    [0, 1],
    [1, 1],
  ];
  for (let cy = 0; cy < rows; cy++) {
    for (let cx = 0; cx < columns; cx++) {
      const here = inCell[cy * columns + cx];
      if (!here) continue;
      for (let i = 0; i < here.length; i++) {
        for (let j = i + 1; j < here.length; j++) touch(here[i]!, here[j]!);
      }
      for (const [dx, dy] of forward) {
        const nx = cx + dx;
        const ny = cy + dy;
        if (nx < 0 || nx >= columns || ny >= rows) continue;
        const there = inCell[ny * columns + nx];
        if (!there) continue;
        for (const a of here) for (const b of there) touch(a, b);
      }
    }
  }
  const add = (key: number, weight: number): void => {
    const a = Math.floor(key / territoryCount);
    const b = key % territoryCount;
    contacts[a]!.set(b, weight);
    contacts[b]!.set(a, weight);
  };
  if (matrix) {
    for (let key = 0; key < matrix.length; key++) if (matrix[key]! > 0) add(key, matrix[key]!);
  } else {
    for (const [key, weight] of sparse!) add(key, weight);
  }
  return { size: territoryCount, contacts };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
