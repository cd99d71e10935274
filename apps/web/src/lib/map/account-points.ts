import type { Bounds } from './bounds.ts';
import type { Rgba } from './palette.ts';
import type { MapAccounts } from './types.ts';

/**
 * The located accounts as GPU attributes: `positions` holds lon, lat pairs for deck.gl's
 * binary `getPosition`, and `rowOf[k]` is the account behind point k (accounts without a
 * location are left out, so point and account indexes differ).
 */
export interface AccountPoints {
  length: number;
  positions: Float32Array;
  rowOf: Uint32Array;
  bounds: Bounds | null;
}

/** One pass over the columns: positions, the point → account index and the bounds. */
export function accountPoints(accounts: MapAccounts): AccountPoints {
  assertColumns(accounts);
  const { count, lon, lat } = accounts;
  const positions = new Float32Array(count * 2);
  const rowOf = new Uint32Array(count);
  let k = 0;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    // NaN (no location) fails `x === x`; so do coordinates off the globe.
    if (!(x === x && y === y) || x < -180 || x > 180 || y < -90 || y > 90) continue;
    positions[2 * k] = x;
    positions[2 * k + 1] = y;
    rowOf[k] = i;
    k++;
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  }
  return {
    length: k,
    positions: k === count ? positions : positions.slice(0, 2 * k),
    rowOf: k === count ? rowOf : rowOf.slice(0, k),
    bounds: k === 0 ? null : [west, south, east, north],
  };
}

/** What the legend and inspector show per territory, and the colours of the points. */
export interface PlanPoints {
  /** RGBA per point, for deck.gl's binary `getFillColor`. */
  colours: Uint8Array;
  /** Accounts per territory (located or not). */
  accounts: Float64Array;
  /** Summed weight per territory (missing weights count as nothing). */
  weight: Float64Array;
  unassigned: number;
}

/**
 * Colours the points by territory and totals each territory in one pass over the accounts.
 * `territoryColours[t]` is territory t's colour; accounts with -1 (or an index past the list)
 * get `unassignedColour`.
 */
export function planPoints(
  accounts: MapAccounts,
  points: AccountPoints,
  territoryColours: readonly Rgba[],
  unassignedColour: Rgba,
): PlanPoints {
  assertColumns(accounts);
  const territoryCount = territoryColours.length;
  const table = new Uint8Array((territoryCount + 1) * 4);
  territoryColours.forEach((colour, t) => {
    table.set(colour, t * 4);
  });
  table.set(unassignedColour, territoryCount * 4);

  const colours = new Uint8Array(points.length * 4);
  const counts = new Float64Array(territoryCount);
  const weight = new Float64Array(territoryCount);
  let unassigned = 0;
  const { count, territory } = accounts;
  const weights = accounts.weight;
  const { rowOf, length } = points;
  let k = 0;
  for (let i = 0; i < count; i++) {
    let t = territory[i]!;
    if (t < 0 || t >= territoryCount) {
      t = territoryCount;
      unassigned++;
    } else {
      counts[t]!++;
      if (weights) {
        const w = weights[i]!;
        if (w === w) weight[t]! += w;
      }
    }
    if (k < length && rowOf[k] === i) {
      colours[4 * k] = table[4 * t]!;
      colours[4 * k + 1] = table[4 * t + 1]!;
      colours[4 * k + 2] = table[4 * t + 2]!;
      colours[4 * k + 3] = table[4 * t + 3]!;
      k++;
    }
  }
  return { colours, accounts: counts, weight, unassigned };
}

/** The points of the accounts a mask marks (1 = moved), drawn on top of the others. */
export function maskedPoints(points: AccountPoints, mask: Uint8Array): AccountPoints {
  const { length, positions, rowOf } = points;
  let marked = 0;
  for (let k = 0; k < length; k++) if (mask[rowOf[k]!] === 1) marked++;
  const out = new Float32Array(marked * 2);
  const outRows = new Uint32Array(marked);
  let j = 0;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let k = 0; k < length; k++) {
    const row = rowOf[k]!;
    if (mask[row] !== 1) continue;
    const x = positions[2 * k]!;
    const y = positions[2 * k + 1]!;
    out[2 * j] = x;
    out[2 * j + 1] = y;
    outRows[j] = row;
    j++;
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  }
  return {
    length: marked,
    positions: out,
    rowOf: outRows,
    bounds: marked === 0 ? null : [west, south, east, north],
  };
}

/** Every column the same length as `count`, or a message naming the one that is not. */
export function assertColumns(accounts: MapAccounts): void {
  const { count } = accounts;
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`map accounts: count must be a whole number ≥ 0, got ${count}`);
  }
  const columns: [string, ArrayLike<number> | undefined][] = [
    ['lon', accounts.lon],
    ['lat', accounts.lat],
    ['territory', accounts.territory],
    ['weight', accounts.weight],
  ];
  for (const [name, column] of columns) {
    if (column !== undefined && column.length !== count) {
      throw new Error(
        `map accounts: column "${name}" has ${column.length} values, expected ${count} (count)`,
      );
    }
  }
}

/**
 * deck.gl's binary data for a point layer: typed arrays go to the GPU as they are. Made once
 * per set of arrays: deck.gl compares `data` by reference, and a new object would upload every
 * attribute again on every frame.
 */
export interface PointData {
  length: number;
  attributes: {
    getPosition: { value: Float32Array; size: 2 };
    getFillColor?: { value: Uint8Array; size: 4; normalized: true };
  };
}

export function pointData(points: AccountPoints, colours?: Uint8Array): PointData {
  return {
    length: points.length,
    attributes: {
      getPosition: { value: points.positions, size: 2 },
      ...(colours ? { getFillColor: { value: colours, size: 4, normalized: true } } : {}),
    },
  };
}
