import type { Random } from '@tessera/core';

const KM_PER_DEGREE = 111.32;

/**
 * How far from a place's point its businesses spread: built-up area grows a little slower than
 * population, so the radius grows as population^0.4 (1 km at 1,000 people, ~16 km at 1M),
 * clamped to 1–30 km.
 */
export function placeRadiusKm(population: number): number {
  const r = Math.pow(Math.max(population, 1) / 1000, 0.4);
  return Math.min(30, Math.max(1, r));
}

/**
 * A point drawn uniformly from the disk of `radiusKm` around (lat, lon), written to
 * `out[0..1]` so that a million draws allocate nothing.
 */
export function jitterInDisk(
  lat: number,
  lon: number,
  radiusKm: number,
  random: Random,
  out: Float64Array,
): void {
  const d = radiusKm * Math.sqrt(random.next());
  const theta = 2 * Math.PI * random.next();
  const dLat = (d * Math.cos(theta)) / KM_PER_DEGREE;
  const cosLat = Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  const dLon = (d * Math.sin(theta)) / (KM_PER_DEGREE * cosLat);
  out[0] = Math.max(-90, Math.min(90, lat + dLat));
  let newLon = lon + dLon;
  if (newLon > 180) newLon -= 360;
  else if (newLon < -180) newLon += 360;
  out[1] = newLon;
}
