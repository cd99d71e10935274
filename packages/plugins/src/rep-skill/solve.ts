import { Plan, type SegmentContext, type SegmentResult } from '@tessera/core';
import type { CandidateCounts } from './candidates.js';
import { repLimits } from './capacities.js';
import { coarsePrices } from './coarse-prices.js';
import { gather, subsetPoints, UNKNOWN_KM, unitPoints } from './geometry.js';
import { Pacer } from './pacer.js';
import { solveRelaxation } from './relaxation.js';
import { plural, report } from './report.js';
import { roundPlan } from './round-plan.js';
import { skillClasses } from './skill-classes.js';
import { splitWork } from './work.js';

/** What the strategy's parameters say (see the schema in index.ts). */
export interface RepSkillParams {
  tolerance: number;
  mismatchPenaltyKm?: number | undefined;
}

/** Where the solver switches from exact to scalable; tests shrink these to reach every path. */
export interface RepSkillTuning {
  /** Up to this many arcs (accounts × reps), every account may go to every rep. */
  readonly fullArcs: number;
  /**
   * Beyond it, each account's arcs: the reps holding its skills with the lowest km + coarse
   * price, and the cheapest few others as a fallback.
   */
  readonly candidates: CandidateCounts;
  /** Above this many accounts to place, coarse versions of the problem set the starting prices. */
  readonly coarseFirst: number;
  /** The finest coarse version has at most this share of the accounts as groups. */
  readonly coarseLastShare: number;
  /**
   * km per workload unit the solver may leave on the table on large problems (see
   * `TransportationOptions.tolerance`): far below what a planner would notice, and it saves
   * most shortest-path searches. Problems small enough for every arc are solved exactly.
   */
  readonly largeToleranceKm: number;
}

export const DEFAULT_TUNING: RepSkillTuning = {
  fullArcs: 2_000_000,
  candidates: { matching: 6, others: 2 },
  coarseFirst: 1000,
  coarseLastShare: 1 / 8,
  largeToleranceKm: 0.5,
};

/**
 * The strategy itself: weights and locks, rep limits, skill classes, coarse prices, the
 * relaxation on candidate arcs, rounding and repair, then the report. See the README.
 */
export async function solveRepSkill(
  ctx: SegmentContext,
  p: RepSkillParams,
  tuning: RepSkillTuning = DEFAULT_TUNING,
): Promise<SegmentResult> {
  const { accounts, reps, locks } = ctx;
  const pacer = new Pacer(ctx.signal);
  const pause = pacer.pause;
  const n = accounts.length;
  const m = reps.length;
  const repOf = new Int32Array(n).fill(-1);
  if (m === 0) {
    const warnings = n > 0 ? [`no reps: ${plural(n, 'account')} left unassigned`] : [];
    return { plan: Plan.fromRepAssignment(reps, repOf), warnings };
  }
  ctx.progress(0, 'grouping accounts by the skills they need');

  const { weight, total, byCount, lockedTo, lockedLoad, free } = await splitWork(
    accounts,
    reps,
    locks,
    pause,
  );
  for (let i = 0; i < n; i++) if (lockedTo[i]! >= 0) repOf[i] = lockedTo[i]!;
  const limits = repLimits(reps, total, p.tolerance, byCount);
  const room = Float64Array.from(limits.limit, (l, r) => Math.max(0, l - lockedLoad[r]!));

  const classes = await skillClasses(accounts, reps, pause);
  const points = await unitPoints(accounts.lat, accounts.lon, pause);
  const repPoints = await unitPoints(reps.lat, reps.lon);
  const penaltyKm = p.mismatchPenaltyKm ?? (m + 1) * UNKNOWN_KM;
  const sources = free;
  await pause();
  const sourcePoints = subsetPoints(points, sources);
  await pause();
  const sourceClass = new Int32Array(sources.length);
  for (let k = 0; k < sources.length; k++) sourceClass[k] = classes.classOf[sources[k]!]!;
  const full = sources.length * m <= tuning.fullArcs;
  await pause();

  let prices: Float64Array | undefined;
  if (weightedCount(free, weight) > tuning.coarseFirst) {
    ctx.progress(0.02, 'solving coarse versions of the problem');
    prices = await coarsePrices({
      lat: accounts.lat,
      lon: accounts.lon,
      sources: withWeight(free, weight),
      weight,
      classOf: classes.classOf,
      classes,
      reps: repPoints,
      counts: (count) =>
        count * m <= tuning.fullArcs ? { matching: m, others: m } : tuning.candidates,
      penaltyKm,
      room,
      first: tuning.coarseFirst,
      last: Math.max(tuning.coarseFirst, Math.floor(sources.length * tuning.coarseLastShare)),
      toleranceKm: tuning.largeToleranceKm,
      pause,
      onProgress: (f) => {
        ctx.progress(0.02 + 0.28 * f, 'solving coarse versions of the problem');
      },
    });
  }

  const { arcs, cost, flow } = await solveRelaxation({
    points: sourcePoints,
    classOf: sourceClass,
    supply: gather(weight, sources),
    reps: repPoints,
    room,
    classes,
    counts: full ? { matching: m, others: m } : tuning.candidates,
    pricing: !full,
    prices,
    penaltyKm,
    toleranceKm: full ? 0 : tuning.largeToleranceKm,
    pause,
    progress: (f, message) => {
      ctx.progress(0.3 + 0.6 * f, message);
    },
  });

  ctx.progress(0.9, 'one rep per account');
  const rounded = await roundPlan({
    sources,
    weight,
    classOf: classes.classOf,
    points,
    arcs,
    cost,
    flow,
    room,
    reps: repPoints,
    classes,
    penaltyKm,
    pause,
  });
  for (let k = 0; k < sources.length; k++) repOf[sources[k]!] = rounded.repOf[k]!;

  return {
    plan: Plan.fromRepAssignment(reps, repOf),
    ...report(ctx, classes, repOf, weight, limits, lockedLoad, p.mismatchPenaltyKm),
  };
}

function weightedCount(free: Int32Array, weight: Float64Array): number {
  let count = 0;
  for (const i of free) if (weight[i]! > 0) count++;
  return count;
}

/** The accounts of `free` that weigh something. */
function withWeight(free: Int32Array, weight: Float64Array): Int32Array {
  const out = new Int32Array(weightedCount(free, weight));
  let k = 0;
  for (const i of free) if (weight[i]! > 0) out[k++] = i;
  return out;
}
