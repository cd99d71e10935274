import { solveTransportation } from '../shared/transportation.js';
import { arcCosts, candidateArcs, type CandidateCounts } from './candidates.js';
import type { UnitPoints } from './geometry.js';
import type { SkillClasses } from './skill-classes.js';

export interface CoarseInput {
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  /** The accounts to place (indexes into lat/lon/weight/classOf), all with weight > 0. */
  readonly sources: Int32Array;
  readonly weight: Float64Array;
  readonly classOf: Int32Array;
  readonly classes: SkillClasses;
  readonly reps: UnitPoints;
  /** The arcs a problem of this many sources gets. */
  readonly counts: (sources: number) => CandidateCounts;
  readonly penaltyKm: number;
  /** What each rep may still take. */
  readonly room: Float64Array;
  /** The solver's tolerance, km per workload unit (prices need not be exact). */
  readonly toleranceKm: number;
  /** Groups in the first (coarsest) problem solved: about this many at most. */
  readonly first: number;
  /** Groups in the last (finest) problem solved: about this many at most. */
  readonly last: number;
  readonly pause: () => Promise<void>;
  readonly onProgress: (fraction: number) => void;
}

/** Side of the finest grid cell, in degrees (about 5 km). */
const FINEST_CELL_DEG = 0.05;

/** Accounts of one skill class in one grid cell, summed. */
interface Groups {
  readonly cls: number[];
  /** Cell row and column; −1 for accounts without coordinates. */
  readonly row: number[];
  readonly col: number[];
  readonly w: number[];
  /** Σ weight × unit vector. */
  readonly x: number[];
  readonly y: number[];
  readonly z: number[];
}

function emptyGroups(): Groups {
  return { cls: [], row: [], col: [], w: [], x: [], y: [], z: [] };
}

/**
 * Rep prices from coarse versions of the problem: accounts with the same skill class in the
 * same grid cell become one source at their workload-weighted centre. Cells double from 0.05°
 * (about 5 km) upwards; the coarsest grid with at most `first` groups is solved exactly, and
 * its prices start the next finer grid, and so on down to the finest grid with at most `last`
 * groups. Each solve only repairs what its finer cells change, and the last prices (what each
 * rep's capacity is worth) start every account of the full problem on its cheapest arc.
 */
export async function coarsePrices(input: CoarseInput): Promise<Float64Array | undefined> {
  const levels = await groupLevels(input);
  const firstLevel = levels.findIndex((g) => g.cls.length <= input.first);
  let lastLevel = levels.findIndex((g) => g.cls.length <= input.last);
  if (firstLevel < 0 || lastLevel < 0) return undefined;
  lastLevel = Math.min(lastLevel, firstLevel);
  let prices: Float64Array | undefined;
  const work = levels.slice(lastLevel, firstLevel + 1).reduce((s, g) => s + g.cls.length, 0);
  let done = 0;
  for (let level = firstLevel; level >= lastLevel; level--) {
    const groups = levels[level]!;
    const count = groups.cls.length;
    const centre: UnitPoints = {
      x: new Float64Array(count),
      y: new Float64Array(count),
      z: new Float64Array(count),
    };
    for (let g = 0; g < count; g++) {
      const norm = Math.hypot(groups.x[g]!, groups.y[g]!, groups.z[g]!);
      const ok = groups.row[g]! >= 0 && norm > 1e-12;
      centre.x[g] = ok ? groups.x[g]! / norm : Number.NaN;
      centre.y[g] = ok ? groups.y[g]! / norm : Number.NaN;
      centre.z[g] = ok ? groups.z[g]! / norm : Number.NaN;
    }
    const arcs = await candidateArcs(
      centre,
      Int32Array.from(groups.cls),
      input.reps,
      input.classes,
      input.counts(count),
      input.pause,
      prices,
    );
    const cost = await arcCosts(arcs, input.penaltyKm, input.pause);
    const solution = await solveTransportation(
      {
        supply: groups.w,
        capacity: input.room,
        arcStart: arcs.start,
        arcSink: arcs.rep,
        arcCost: cost,
      },
      {
        ...(prices ? { prices } : {}),
        tolerance: input.toleranceKm,
        pause: input.pause,
        onProgress: (f) => {
          input.onProgress((done + f * count) / work);
        },
      },
    );
    done += count;
    prices = solution.prices;
  }
  return prices;
}

/** The groups on grids of doubling cell size, finest first, down to one cell per class. */
async function groupLevels(input: CoarseInput): Promise<Groups[]> {
  const { sources, weight, classOf, lat, lon } = input;
  let size = FINEST_CELL_DEG;
  let groups = emptyGroups();
  const add = (
    into: Groups,
    byKey: Map<number, number>,
    key: number,
    cls: number,
    row: number,
    col: number,
  ): number => {
    let g = byKey.get(key);
    if (g === undefined) {
      g = into.cls.length;
      byKey.set(key, g);
      into.cls.push(cls);
      into.row.push(row);
      into.col.push(col);
      into.w.push(0);
      into.x.push(0);
      into.y.push(0);
      into.z.push(0);
    }
    return g;
  };
  {
    // A Map over a million accounts is slow: sort their keys instead, then find each one's
    // group by binary search among the distinct keys.
    const cols = Math.ceil(360 / size) + 1;
    const rows = Math.ceil(180 / size) + 1;
    const n = sources.length;
    const keys = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const i = sources[k]!;
      const c = classOf[i]!;
      const located = Math.abs(lat[i]!) <= 90 && Math.abs(lon[i]!) <= 180;
      keys[k] = located
        ? (c * rows + Math.floor((lat[i]! + 90) / size)) * cols + Math.floor((lon[i]! + 180) / size)
        : -1 - c;
    }
    await input.pause();
    const sorted = Float64Array.from(keys).sort();
    await input.pause();
    let distinct = 0;
    for (let k = 0; k < n; k++)
      if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[distinct++] = sorted[k]!;
    const unique = sorted.subarray(0, distinct);
    for (let g = 0; g < distinct; g++) {
      const key = unique[g]!;
      const located = key >= 0;
      const c = located ? Math.floor(key / (rows * cols)) : -1 - key;
      const cell = located ? key - c * rows * cols : -1;
      groups.cls.push(c);
      groups.row.push(located ? Math.floor(cell / cols) : -1);
      groups.col.push(located ? cell % cols : -1);
      groups.w.push(0);
      groups.x.push(0);
      groups.y.push(0);
      groups.z.push(0);
    }
    for (let k = 0; k < n; k++) {
      if (k % 16_384 === 16_383) await input.pause();
      const key = keys[k]!;
      let low = 0;
      let high = distinct - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (unique[mid]! < key) low = mid + 1;
        else high = mid;
      }
      const i = sources[k]!;
      const w = weight[i]!;
      groups.w[low]! += w;
      if (key >= 0) {
        const la = (lat[i]! * Math.PI) / 180;
        const lo = (lon[i]! * Math.PI) / 180;
        groups.x[low]! += w * Math.cos(la) * Math.cos(lo);
        groups.y[low]! += w * Math.cos(la) * Math.sin(lo);
        groups.z[low]! += w * Math.sin(la);
      }
    }
  }
  const levels = [groups];
  while (size < 360) {
    size *= 2;
    const next = emptyGroups();
    const byKey = new Map<number, number>();
    const cols = Math.ceil(360 / size) + 1;
    const rows = Math.ceil(180 / size) + 1;
    for (let g = 0; g < groups.cls.length; g++) {
      if (g % 16_384 === 16_383) await input.pause();
      const located = groups.row[g]! >= 0;
      const row = located ? groups.row[g]! >> 1 : -1;
      const col = located ? groups.col[g]! >> 1 : -1;
      const c = groups.cls[g]!;
      const h = add(next, byKey, located ? (c * rows + row) * cols + col : -1 - c, c, row, col);
      next.w[h]! += groups.w[g]!;
      next.x[h]! += groups.x[g]!;
      next.y[h]! += groups.y[g]!;
      next.z[h]! += groups.z[g]!;
    }
    groups = next;
    levels.push(groups);
    await input.pause();
  }
  return levels;
}
