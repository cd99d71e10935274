import { TesseraError } from '@tessera/core';
import type { Place } from './place.js';

/** What {@link generateSample} needs. */
export interface SampleOptions {
  /** Number of accounts, 1 to {@link MAX_ACCOUNTS}. */
  accounts: number;
  /** Number of current reps, at least 1. */
  reps: number;
  /** The same seed always gives the same tables. */
  seed: string | number;
  /** Real places to draw from, e.g. `loadUsPlaces()` from `@tessera/sample-data/node`. */
  places: readonly Place[];
}

export const MAX_ACCOUNTS = 5_000_000;

function invalid(option: string, message: string): TesseraError {
  return new TesseraError('INVALID_OPTION', `generateSample: option "${option}" ${message}`);
}

/** Throws a TesseraError naming the first bad option. */
export function validateOptions(options: SampleOptions): void {
  const { accounts, reps, seed, places } = options;
  if (!Number.isInteger(accounts) || accounts < 1 || accounts > MAX_ACCOUNTS) {
    throw invalid(
      'accounts',
      `must be an integer from 1 to ${MAX_ACCOUNTS.toLocaleString('en-US')}, got ${String(accounts)}`,
    );
  }
  if (!Number.isInteger(reps) || reps < 1) {
    throw invalid('reps', `must be an integer of at least 1, got ${String(reps)}`);
  }
  // Callers from plain JavaScript can pass anything, so the seed is checked as unknown.
  const anySeed: unknown = seed;
  if (typeof anySeed !== 'string' && !(typeof anySeed === 'number' && Number.isFinite(anySeed))) {
    throw invalid('seed', `must be a string or a finite number, got ${String(seed)}`);
  }
  const placeList: unknown = places;
  if (!Array.isArray(placeList) || placeList.length === 0) {
    throw invalid('places', 'must be a non-empty array of places');
  }
  let total = 0;
  for (let i = 0; i < places.length; i++) {
    const p = places[i]!;
    if (
      !Number.isFinite(p.lat) ||
      !Number.isFinite(p.lon) ||
      Math.abs(p.lat) > 90 ||
      Math.abs(p.lon) > 180 ||
      !Number.isFinite(p.population) ||
      p.population < 0
    ) {
      throw invalid(
        'places',
        `has a bad place at index ${i} ("${p.name}"): needs lat, lon in degrees and population ≥ 0`,
      );
    }
    total += p.population;
  }
  if (total <= 0) throw invalid('places', 'must have a total population above 0');
}
