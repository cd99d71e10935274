import { EARTH_RADIUS_KM } from '@tessera/core';

/**
 * Distance standing in for one that cannot be measured (an account or a rep without
 * coordinates): just over half the Earth's circumference, so any known distance is shorter.
 */
export const UNKNOWN_KM = 20_100;

/** Points as unit vectors, NaN for a point without coordinates. */
export interface UnitPoints {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
}

const RAD = Math.PI / 180;

export async function unitPoints(
  lat: ArrayLike<number>,
  lon: ArrayLike<number>,
  pause?: () => Promise<void>,
): Promise<UnitPoints> {
  const n = lat.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (i % 65_536 === 65_535) await pause?.();
    const la = lat[i]!;
    const lo = lon[i]!;
    if (!(Math.abs(la) <= 90 && Math.abs(lo) <= 180)) {
      x[i] = y[i] = z[i] = Number.NaN;
      continue;
    }
    const c = Math.cos(la * RAD);
    x[i] = c * Math.cos(lo * RAD);
    y[i] = c * Math.sin(lo * RAD);
    z[i] = Math.sin(la * RAD);
  }
  return { x, y, z };
}

/**
 * Great-circle km between point i of `a` and point j of `b` (2R·asin(chord / 2), as core's
 * metrics measure it), or {@link UNKNOWN_KM} when either has no coordinates.
 */
export function pointKm(a: UnitPoints, i: number, b: UnitPoints, j: number): number {
  const dx = a.x[i]! - b.x[j]!;
  const dy = a.y[i]! - b.y[j]!;
  const dz = a.z[i]! - b.z[j]!;
  const chord = Math.sqrt(dx * dx + dy * dy + dz * dz);
  if (Number.isNaN(chord)) return UNKNOWN_KM;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, chord / 2));
}

/** `values[indexes[k]]` for each k. */
export function gather(values: Float64Array, indexes: Int32Array): Float64Array {
  const out = new Float64Array(indexes.length);
  for (let k = 0; k < indexes.length; k++) out[k] = values[indexes[k]!]!;
  return out;
}

export function subsetPoints(points: UnitPoints, indexes: Int32Array): UnitPoints {
  return {
    x: gather(points.x, indexes),
    y: gather(points.y, indexes),
    z: gather(points.z, indexes),
  };
}
