/** Mean Earth radius (IUGG), the R of every distance Tessera reports. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Great-circle distance in km between two WGS84 points (haversine). */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Unit vector on the sphere for a WGS84 point: centroids are averaged in 3D, not in degrees. */
export function toUnitVector(lat: number, lon: number): [number, number, number] {
  const phi = lat * RAD;
  const lambda = lon * RAD;
  const c = Math.cos(phi);
  return [c * Math.cos(lambda), c * Math.sin(lambda), Math.sin(phi)];
}

/** The WGS84 point of a (not necessarily unit) 3D vector; `null` for the zero vector. */
export function fromVector(x: number, y: number, z: number): { lat: number; lon: number } | null {
  const norm = Math.hypot(x, y, z);
  if (norm < 1e-12) return null;
  return { lat: Math.asin(Math.max(-1, Math.min(1, z / norm))) / RAD, lon: Math.atan2(y, x) / RAD };
}

/** Great-circle distance in km between two unit vectors (stable for small angles). */
export function unitVectorDistanceKm(
  ax: number,
  ay: number,
  az: number,
  bx: number,
  by: number,
  bz: number,
): number {
  const cx = ay * bz - az * by;
  const cy = az * bx - ax * bz;
  const cz = ax * by - ay * bx;
  return EARTH_RADIUS_KM * Math.atan2(Math.hypot(cx, cy, cz), ax * bx + ay * by + az * bz);
}

/**
 * Great-circle distance in km between two unit vectors, from their chord: 2R·asin(|a − b| / 2).
 * Same value as `unitVectorDistanceKm`, without Math.hypot and atan2, for the per-account loops.
 */
export function chordArcKm(
  ax: number,
  ay: number,
  az: number,
  bx: number,
  by: number,
  bz: number,
): number {
  const dx = ax - bx;
  const dy = ay - by;
  const dz = az - bz;
  const half = 0.5 * Math.sqrt(dx * dx + dy * dy + dz * dz);
  return 2 * EARTH_RADIUS_KM * Math.asin(half < 1 ? half : 1);
}
