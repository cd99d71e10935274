import {
  greatCircleKm,
  TesseraError,
  type AccountTable,
  type Plan,
  type RepTable,
} from '@tessera/core';
import { allocatePriority } from './allocate.js';
import { responseShare, type ResponseModel } from './model.js';

/** A measure read as the model reads it: missing, infinite or negative counts as 0. */
export function nonNegative(value: number): number {
  return value >= 0 && value < Infinity ? value : 0;
}

function located(lat: number, lon: number): boolean {
  return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}

/** Per-territory sums of what the effort model decided. */
export interface TerritoryEffort {
  /** Index of each territory's rep in the rep table; -1 when unstaffed or unknown. */
  rep: Int32Array;
  /** Its rep's capacity (0 when unstaffed). */
  capacity: Float64Array;
  accounts: Float64Array;
  workload: Float64Array;
  potential: Float64Array;
  /** Σ retention × revenue. */
  floor: Float64Array;
  /** Σ (workload + travel) at full coverage, in workload units. */
  need: Float64Array;
  /** Σ max(0, potential − floor): what effort can win. */
  upside: Float64Array;
  /** Σ s(xᵢ)·max(0, potential − floor). */
  earned: Float64Array;
  /** Σ xᵢ·workload: effort given to accounts. */
  effort: Float64Array;
  /** Travel of the visits made: hours and road km. */
  travelHours: Float64Array;
  travelKm: Float64Array;
  /** 0 when its rep has no home base, so its travel is unknown. */
  travelKnown: Uint8Array;
  /** Its rep's capacity / its rep's need over all the rep's accounts; NaN when undefined. */
  coverage: Float64Array;
}

export interface Effort {
  /** Per account: s(xᵢ), the share of (potential − floor) its effort earns. */
  share: Float64Array;
  territories: TerritoryEffort;
  unassigned: { accounts: number; workload: number; potential: number; floor: number };
}

/**
 * Decides each account's coverage xᵢ = effort / workload. A rep's capacity C pays for the
 * accounts' workload and the travel to them: serving account i fully takes nᵢ = wᵢ + Tᵢ
 * units. `proportional`: every account gets xᵢ = min(maxCoverage, C / Σn). `priority`: the
 * rep puts each hour where it earns most (see allocate.ts). An account without workload
 * needs no effort: it earns its potential (x = 1) whenever its rep has capacity. Coverage
 * belongs to the rep: a rep leading several territories spreads one capacity over them all.
 */
export function computeEffort(
  accounts: AccountTable,
  reps: RepTable,
  plan: Plan,
  model: ResponseModel,
): Effort {
  const n = plan.territoryOf.length;
  const territories = plan.territories.length;
  const territoryRep = plan.repIndexes(reps);
  const repCapacity = Float64Array.from({ length: reps.length }, (_, r) =>
    nonNegative(reps.capacity[r]!),
  );

  // Per account: its rep, and at full coverage its need (units), travel (units) and road km.
  // One round trip of d great-circle km is 2κd road km and min(2κd / v, H) hours; a trip
  // serves visitsPerTrip visits, and visits per year = workload / unitsPerVisit.
  const repOf = new Int32Array(n).fill(-1);
  const need = new Float64Array(n);
  const travelUnits = new Float64Array(n);
  const travelKm = new Float64Array(n);
  const upside = new Float64Array(n);
  const roadKmPerKm = 2 * model.roadFactor;
  const tripsPerUnit = 1 / (model.unitsPerVisit * model.visitsPerTrip);
  for (let i = 0; i < n; i++) {
    const t = plan.territoryOf[i]!;
    if (t >= territories || t < -1) {
      throw new TesseraError(
        'PLAN_MISMATCH',
        `plan: account "${accounts.id.get(i)}" is in territory ${t} but the plan has ${territories} territories`,
      );
    }
    const w = nonNegative(accounts.workload[i]!);
    upside[i] = Math.max(
      0,
      nonNegative(accounts.potential[i]!) - model.retention * nonNegative(accounts.revenue[i]!),
    );
    const r = t < 0 ? -1 : territoryRep[t]!;
    repOf[i] = r;
    if (r < 0) continue;
    need[i] = w;
    const lat = accounts.lat[i]!;
    const lon = accounts.lon[i]!;
    const homeLat = reps.lat[r]!;
    const homeLon = reps.lon[r]!;
    if (w === 0 || !located(lat, lon) || !located(homeLat, homeLon)) continue;
    const roadKm = roadKmPerKm * greatCircleKm(homeLat, homeLon, lat, lon);
    const trips = w * tripsPerUnit;
    travelKm[i] = trips * roadKm;
    travelUnits[i] =
      (trips * Math.min(roadKm / model.speedKmh, model.maxTripHours)) / model.hoursPerUnit;
    need[i] = w + travelUnits[i]!;
  }

  // Accounts grouped by rep (counting sort), then each rep's coverage decided.
  const repStart = new Int32Array(reps.length + 1);
  for (let i = 0; i < n; i++) if (repOf[i]! >= 0) repStart[repOf[i]! + 1]!++;
  for (let r = 0; r < reps.length; r++) repStart[r + 1]! += repStart[r]!;
  const members = new Int32Array(repStart[reps.length]!);
  const cursor = repStart.slice(0, reps.length);
  for (let i = 0; i < n; i++) if (repOf[i]! >= 0) members[cursor[repOf[i]!]!++] = i;

  const coverageOf = new Float64Array(n);
  const repNeed = new Float64Array(reps.length);
  for (let r = 0; r < reps.length; r++) {
    const from = repStart[r]!;
    const to = repStart[r + 1]!;
    const capacity = repCapacity[r]!;
    let total = 0;
    for (let k = from; k < to; k++) total += need[members[k]!]!;
    repNeed[r] = total;
    if (capacity === 0) continue;
    if (model.allocation === 'proportional' || total * model.maxCoverage <= capacity) {
      const x = Math.min(model.maxCoverage, capacity / total);
      for (let k = from; k < to; k++) coverageOf[members[k]!] = x;
    } else {
      allocatePriority(members.subarray(from, to), need, upside, capacity, model, coverageOf);
    }
    // No workload, no effort needed: fully served by any rep with time.
    for (let k = from; k < to; k++) {
      const i = members[k]!;
      if (need[i] === 0) coverageOf[i] = 1;
    }
  }

  const share = new Float64Array(n);
  const sums: TerritoryEffort = {
    rep: territoryRep,
    capacity: Float64Array.from(territoryRep, (r) => (r < 0 ? 0 : repCapacity[r]!)),
    accounts: new Float64Array(territories),
    workload: new Float64Array(territories),
    potential: new Float64Array(territories),
    floor: new Float64Array(territories),
    need: new Float64Array(territories),
    upside: new Float64Array(territories),
    earned: new Float64Array(territories),
    effort: new Float64Array(territories),
    travelHours: new Float64Array(territories),
    travelKm: new Float64Array(territories),
    travelKnown: Uint8Array.from(territoryRep, (r) =>
      r < 0 || located(reps.lat[r]!, reps.lon[r]!) ? 1 : 0,
    ),
    // Capped so a vanishing need (a denormal workload) cannot put Infinity in the JSON.
    coverage: Float64Array.from(territoryRep, (r) =>
      r < 0
        ? 0
        : repNeed[r]! > 0
          ? Math.min(repCapacity[r]! / repNeed[r]!, Number.MAX_VALUE)
          : Number.NaN,
    ),
  };
  const unassigned = { accounts: 0, workload: 0, potential: 0, floor: 0 };
  for (let i = 0; i < n; i++) {
    const t = plan.territoryOf[i]!;
    const w = nonNegative(accounts.workload[i]!);
    const p = nonNegative(accounts.potential[i]!);
    const b = model.retention * nonNegative(accounts.revenue[i]!);
    if (t < 0) {
      unassigned.accounts++;
      unassigned.workload += w;
      unassigned.potential += p;
      unassigned.floor += b;
      continue;
    }
    const x = coverageOf[i]!;
    const s = responseShare(x, model.elasticity);
    share[i] = s;
    sums.accounts[t]!++;
    sums.workload[t]! += w;
    sums.potential[t]! += p;
    sums.floor[t]! += b;
    sums.need[t]! += need[i]!;
    sums.upside[t]! += upside[i]!;
    sums.earned[t]! += s * upside[i]!;
    sums.effort[t]! += x * w;
    sums.travelHours[t]! += x * travelUnits[i]! * model.hoursPerUnit;
    sums.travelKm[t]! += x * travelKm[i]!;
  }
  return { share, territories: sums, unassigned };
}
