import type { Pacer } from './pacer.js';

/**
 * Things the solver places whole: single accounts, the groups of the `units` column, or the
 * cells of the coarse pass. Columns, so a million atoms cost a few typed arrays.
 */
export interface AtomSet {
  readonly count: number;
  /** Unit vector of the atom's weighted centre; NaN when none of its accounts is located. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  /** Σ w·v over its located accounts: what the atom adds to a territory's centroid. */
  readonly sx: Float64Array;
  readonly sy: Float64Array;
  readonly sz: Float64Array;
  /** Distance weight (workload) of its located accounts. */
  readonly w: Float64Array;
  /** Balance load of all its accounts. */
  readonly b: Float64Array;
  /** The rep its locked accounts must stay with, or -1. */
  readonly lockRep: Int32Array;
  /** The current owner holding most of its weight (continuity), or -1. */
  readonly ownerRep: Int32Array;
  /** The distance weight that owner holds in the atom. */
  readonly ownerW: Float64Array;
}

const COLUMNS = [
  'x',
  'y',
  'z',
  'sx',
  'sy',
  'sz',
  'w',
  'b',
  'lockRep',
  'ownerRep',
  'ownerW',
] as const;

export function allocateAtoms(count: number): AtomSet {
  const nan = (): Float64Array => new Float64Array(count).fill(Number.NaN);
  return {
    count,
    x: nan(),
    y: nan(),
    z: nan(),
    sx: new Float64Array(count),
    sy: new Float64Array(count),
    sz: new Float64Array(count),
    w: new Float64Array(count),
    b: new Float64Array(count),
    lockRep: new Int32Array(count).fill(-1),
    ownerRep: new Int32Array(count).fill(-1),
    ownerW: new Float64Array(count),
  };
}

/** Sets each atom's position from its weighted vector sum (left NaN when it has none). */
export function normalizeAtoms(atoms: AtomSet): void {
  for (let a = 0; a < atoms.count; a++) {
    const sx = atoms.sx[a]!;
    const sy = atoms.sy[a]!;
    const sz = atoms.sz[a]!;
    const norm = Math.sqrt(sx * sx + sy * sy + sz * sz);
    if (norm > 1e-300) {
      atoms.x[a] = sx / norm;
      atoms.y[a] = sy / norm;
      atoms.z[a] = sz / norm;
    }
  }
}

/** The atoms listed in `pick`, in that order, as a new set (column by column, pacing between). */
export async function subsetAtoms(
  atoms: AtomSet,
  pick: Int32Array,
  pacer?: Pacer,
): Promise<AtomSet> {
  const out = allocateAtoms(pick.length);
  for (const key of COLUMNS) {
    const from = atoms[key];
    const to = out[key];
    for (let j = 0; j < pick.length; j++) to[j] = from[pick[j]!]!;
    await pacer?.pace();
  }
  return out;
}

/** Whether atom `a` has a position. */
export function isLocated(atoms: AtomSet, a: number): boolean {
  return !Number.isNaN(atoms.x[a]!);
}

/** The atoms of `first` followed by those of `second`, as a new set. */
export function concatAtoms(first: AtomSet, second: AtomSet): AtomSet {
  if (second.count === 0) return first;
  const out = allocateAtoms(first.count + second.count);
  for (const key of COLUMNS) {
    out[key].set(first[key]);
    out[key].set(second[key], first.count);
  }
  return out;
}
