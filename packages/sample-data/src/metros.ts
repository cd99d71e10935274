import { fromVector, greatCircleKm, toUnitVector } from '@tessera/core';
import type { Place } from './place.js';

/** A cluster of nearby places around its largest one: where reps live. */
export interface Metro {
  /** Name and state of the largest place in it. */
  name: string;
  region: string;
  /** Population-weighted centre. */
  lat: number;
  lon: number;
  population: number;
}

/** A place joins the metro of the nearest larger place within this distance. */
export const METRO_JOIN_KM = 35;

/**
 * Groups places into metros greedily: from the most populous down, each place joins the
 * nearest metro whose seed (largest place) lies within {@link METRO_JOIN_KM}, or seeds a new
 * one. A 1° grid keeps the search local. Returned largest first.
 */
export function buildMetros(places: readonly Place[]): Metro[] {
  const order = Array.from(places.keys()).sort(
    (a, b) => places[b]!.population - places[a]!.population || a - b,
  );
  const grid = new Map<number, number[]>();
  const cellKey = (lat: number, lon: number): number =>
    (Math.floor(lat) + 90) * 1000 + (Math.floor(lon) + 180);
  const seeds: number[] = [];
  const sums: { x: number; y: number; z: number; population: number }[] = [];
  for (const p of order) {
    const place = places[p]!;
    let best = -1;
    let bestKm = METRO_JOIN_KM;
    const cLat = Math.floor(place.lat);
    const cLon = Math.floor(place.lon);
    // 1° of longitude is ≥ 35 km below 71°N, so the 3×3 block covers the join radius.
    for (let dLat = -1; dLat <= 1; dLat++) {
      for (let dLon = -1; dLon <= 1; dLon++) {
        const cell = grid.get(cellKey(cLat + dLat, cLon + dLon));
        if (!cell) continue;
        for (const m of cell) {
          const seed = places[seeds[m]!]!;
          const km = greatCircleKm(place.lat, place.lon, seed.lat, seed.lon);
          if (km <= bestKm) {
            bestKm = km;
            best = m;
          }
        }
      }
    }
    const w = Math.max(place.population, 0);
    const [x, y, z] = toUnitVector(place.lat, place.lon);
    if (best < 0) {
      best = seeds.length;
      seeds.push(p);
      sums.push({ x: 0, y: 0, z: 0, population: 0 });
      const key = cellKey(place.lat, place.lon);
      const cell = grid.get(key);
      if (cell) cell.push(best);
      else grid.set(key, [best]);
    }
    const sum = sums[best]!;
    // Weight zero-population places a little so a metro of them still has a centre.
    const cw = w > 0 ? w : 1e-9;
    sum.x += x * cw;
    sum.y += y * cw;
    sum.z += z * cw;
    sum.population += w;
  }
  const metros = seeds.map((p, m): Metro => {
    const seed = places[p]!;
    const sum = sums[m]!;
    const centre = fromVector(sum.x, sum.y, sum.z) ?? { lat: seed.lat, lon: seed.lon };
    return {
      name: seed.name,
      region: seed.region,
      lat: centre.lat,
      lon: centre.lon,
      population: sum.population,
    };
  });
  // Stable sort: equal populations keep seed order, which is deterministic.
  return metros.sort((a, b) => b.population - a.population);
}
