import {
  assertPlanFits,
  describeZodError,
  TesseraError,
  type AccountTable,
  type Plan,
  type RepTable,
} from '@tessera/core';
import { computeEffort } from './effort.js';
import {
  simulationOptionsSchema,
  type ResolvedSimulationOptions,
  type ResponseModel,
  type SimulationOptions,
} from './model.js';
import { prepareAccountDraws, sampleRevenue, type AccountDraws } from './sample.js';
import { seedWords } from './shocks.js';
import { spreadOf, type Spread } from './spread.js';

/** One territory's simulated year. Revenue figures are per year, in the currency of potential. */
export interface TerritorySimulation extends Spread {
  id: string;
  name: string;
  repId: string | null;
  accounts: number;
  /** Σ workload (units/yr) and Σ potential of its accounts. */
  workload: number;
  potential: number;
  /** Σ retention × revenue: what its accounts keep with no effort at all. */
  floor: number;
  /** Its rep's capacity; 0 when unstaffed. */
  capacity: number;
  /** Σ (workload + travel) its accounts need at full coverage, in workload units. */
  need: number;
  /**
   * Its rep's capacity / the need of all the rep's accounts: 1 is exactly enough time, 0.8 is
   * 20% short. 0 when unstaffed; null when the rep's accounts need nothing.
   */
  coverage: number | null;
  /** Effort given to its accounts, in workload units (Σ xᵢ·workloadᵢ). */
  effort: number;
  /**
   * Σ s(xᵢ)·(potential − floor) / Σ (potential − floor): the share of what effort can win
   * that it does win at the expected potential; null when there is nothing to win.
   */
  response: number | null;
  /** Travel for the visits made; null when its rep has no home base. */
  travelHours: number | null;
  travelKm: number | null;
  travelCost: number | null;
  /** expected − travelCost (unknown travel counts 0). */
  net: number;
}

/** The whole plan's simulated year. */
export interface SimulationTotal extends Spread {
  accounts: number;
  workload: number;
  potential: number;
  floor: number;
  /** Effort given / workload, over every account (unassigned ones included); null when no workload. */
  coverage: number | null;
  /** Sums over the territories whose travel is known. */
  travelHours: number;
  travelKm: number;
  travelCost: number;
  net: number;
}

/** Accounts without a territory: they get no effort and keep only their floor. */
export interface UnassignedSimulation extends Spread {
  accounts: number;
  workload: number;
  potential: number;
  floor: number;
}

export interface SimulationResult {
  total: SimulationTotal;
  territories: TerritorySimulation[];
  unassigned: UnassignedSimulation;
  /** The parameters used, defaults filled in. */
  model: ResponseModel;
  draws: number;
  seed: string | number;
}

/**
 * Parses simulation options, throwing `INVALID_OPTIONS` that names the bad option in plain
 * words: `simulation option "model.retention": must be at most 1, got 1.5`,
 * `simulation option "model": unknown key "retension" (did you mean "retention"?)`.
 */
export function parseSimulationOptions(options: unknown): ResolvedSimulationOptions {
  const input = options ?? {};
  const parsed = simulationOptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const problem = describeZodError(parsed.error, { input, schema: simulationOptionsSchema });
  const where = problem.path.length ? `option "${problem.path.join('.')}"` : 'options';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new TesseraError('INVALID_OPTIONS', `simulation ${where}: ${problem.message}${more}`);
}

/** A simulation plus its per-draw totals, which a paired comparison needs. */
export interface SimulationRun {
  result: SimulationResult;
  /** Total revenue of each draw. */
  totals: Float64Array;
}

export function runSimulation(
  accounts: AccountTable,
  reps: RepTable,
  plan: Plan,
  options: ResolvedSimulationOptions,
  prepared: AccountDraws = prepareAccountDraws(accounts),
): SimulationRun {
  assertPlanFits(plan, accounts);
  const { model, draws, seed } = options;
  const effort = computeEffort(accounts, reps, plan, model);
  const territories = plan.territories.length;
  const buckets = territories + 1;
  const bucketOf = new Int32Array(plan.territoryOf.length);
  for (let i = 0; i < bucketOf.length; i++) {
    const t = plan.territoryOf[i]!;
    bucketOf[i] = t < 0 ? territories : t;
  }
  const revenue = sampleRevenue({
    accounts,
    prepared,
    bucketOf,
    buckets,
    share: effort.share,
    model,
    draws,
    words: seedWords(seed),
  });

  const totals = new Float64Array(draws);
  for (let k = 0; k < buckets; k++) {
    const base = k * draws;
    for (let d = 0; d < draws; d++) totals[d]! += revenue[base + d]!;
  }

  const scratch = new Float64Array(draws);
  const sums = effort.territories;
  const rows: TerritorySimulation[] = [];
  let travelHours = 0;
  let travelKm = 0;
  let travelCost = 0;
  let effortUnits = 0;
  let workload = effort.unassigned.workload;
  let potential = effort.unassigned.potential;
  let floor = effort.unassigned.floor;
  for (let t = 0; t < territories; t++) {
    const territory = plan.territories[t]!;
    const known = sums.travelKnown[t] === 1;
    const hours = sums.travelHours[t]!;
    const km = sums.travelKm[t]!;
    const cost = km * model.costPerKm;
    const spread = spreadOf(revenue, t * draws, draws, scratch);
    if (known) {
      travelHours += hours;
      travelKm += km;
      travelCost += cost;
    }
    effortUnits += sums.effort[t]!;
    workload += sums.workload[t]!;
    potential += sums.potential[t]!;
    floor += sums.floor[t]!;
    const coverage = sums.coverage[t]!;
    const upside = sums.upside[t]!;
    rows.push({
      id: territory.id,
      name: territory.name,
      repId: territory.repId,
      accounts: sums.accounts[t]!,
      workload: sums.workload[t]!,
      potential: sums.potential[t]!,
      floor: sums.floor[t]!,
      capacity: sums.capacity[t]!,
      need: sums.need[t]!,
      coverage: Number.isNaN(coverage) ? null : coverage,
      effort: sums.effort[t]!,
      response: upside > 0 ? sums.earned[t]! / upside : null,
      ...spread,
      travelHours: known ? hours : null,
      travelKm: known ? km : null,
      travelCost: known ? cost : null,
      net: spread.expected - (known ? cost : 0),
    });
  }

  const total = spreadOf(totals, 0, draws, scratch);
  const result: SimulationResult = {
    total: {
      accounts: plan.territoryOf.length,
      workload,
      potential,
      floor,
      coverage: workload > 0 ? Math.min(effortUnits / workload, Number.MAX_VALUE) : null,
      ...total,
      travelHours,
      travelKm,
      travelCost,
      net: total.expected - travelCost,
    },
    territories: rows,
    unassigned: {
      ...effort.unassigned,
      ...spreadOf(revenue, territories * draws, draws, scratch),
    },
    model,
    draws,
    seed,
  };
  return { result, totals };
}

/**
 * Expected yearly revenue of a plan under the sales-response model of docs/simulation.md,
 * with P10/P50/P90 over `draws` seeded draws of uncertain potential, per territory and in
 * total, and the travel the plan costs. Same inputs and seed, same figures.
 */
export function simulateRevenue(
  accounts: AccountTable,
  reps: RepTable,
  plan: Plan,
  options?: SimulationOptions,
): SimulationResult {
  return runSimulation(accounts, reps, plan, parseSimulationOptions(options)).result;
}
