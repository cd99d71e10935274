import type { Random } from '@tessera/core';
import type { Place } from './place.js';
import { createAliasTable, drawAlias } from './weighted-sampler.js';

/** Draws `count` place indices, each place with probability proportional to its population. */
export function samplePlaces(places: readonly Place[], count: number, random: Random): Int32Array {
  const weights = new Float64Array(places.length);
  for (let i = 0; i < places.length; i++) weights[i] = Math.max(0, places[i]!.population);
  const table = createAliasTable(weights);
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = drawAlias(table, random);
  return out;
}
