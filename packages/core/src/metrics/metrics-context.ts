import { toUnitVector } from '../geo/great-circle.js';
import type { AccountTable } from '../table/account-table.js';
import type { RepTable } from '../table/rep-table.js';
import { accountVectors } from './account-vectors.js';
import { ownerReps } from './continuity.js';
import { skillLookup, type SkillLookup } from './required-skills.js';

/** Everything the metrics derive from the tables alone, built once and shared by every plan. */
export interface MetricsContext {
  accounts: AccountTable;
  reps: RepTable;
  /** Account unit vectors, 3 per account, NaN when unlocated. */
  vectors: Float64Array;
  /** Owner column code → rep index, -1 when the owner is not a known rep. */
  ownerRep: Int32Array;
  skills: SkillLookup;
  /** Rep home bases as unit vectors, 3 per rep, NaN when the rep has no home. */
  homes: Float64Array;
  /** Rep capacity, 0 when missing, not finite or below 0. */
  capacity: Float64Array;
}

export function metricsContext(accounts: AccountTable, reps: RepTable): MetricsContext {
  const homes = new Float64Array(3 * reps.length).fill(Number.NaN);
  const capacity = new Float64Array(reps.length);
  for (let r = 0; r < reps.length; r++) {
    const lat = reps.lat[r]!;
    const lon = reps.lon[r]!;
    if (lat >= -90 && lat <= 90 && Number.isFinite(lon)) homes.set(toUnitVector(lat, lon), 3 * r);
    const cap = reps.capacity[r]!;
    capacity[r] = cap > 0 && Number.isFinite(cap) ? cap : 0;
  }
  return {
    accounts,
    reps,
    vectors: accountVectors(accounts),
    ownerRep: ownerReps(accounts, reps),
    skills: skillLookup(accounts, reps),
    homes,
    capacity,
  };
}
