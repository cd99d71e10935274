import type { AccountTable, Plan, RepTable } from '@tessera/core';
import type { SimulationOptions } from './model.js';
import { prepareAccountDraws } from './sample.js';
import { parseSimulationOptions, runSimulation, type SimulationResult } from './simulate.js';
import { spreadOf, type Spread } from './spread.js';

/** Two plans simulated on the same draws, and what moving from `base` to `proposal` gains. */
export interface SimulationComparison {
  base: SimulationResult;
  proposal: SimulationResult;
  /**
   * Revenue gain, proposal − base, over paired draws (each draw gives both plans the same
   * shocks): its mean and P10/P50/P90.
   */
  gain: Spread;
  /**
   * The gain as a share of the base's revenue: `expected` = mean gain / mean base revenue;
   * the percentiles are those of the per-draw ratios. null when the base earns nothing.
   */
  gainShare: Spread | null;
  /** Share of draws in which the proposal earns more. */
  probabilityOfGain: number;
  /** proposal − base travel cost (travel does not depend on the draws). */
  travelCostChange: number;
  /** Expected gain net of the travel cost change. */
  netGain: number;
}

/**
 * Simulates `base` and `proposal` with the same options and seed and states the gain from the
 * paired draws, so the spread is that of the difference, not of two independent forecasts.
 */
export function compareSimulations(
  accounts: AccountTable,
  reps: RepTable,
  base: Plan,
  proposal: Plan,
  options?: SimulationOptions,
): SimulationComparison {
  const resolved = parseSimulationOptions(options);
  const prepared = prepareAccountDraws(accounts);
  const a = runSimulation(accounts, reps, base, resolved, prepared);
  const b = runSimulation(accounts, reps, proposal, resolved, prepared);
  const draws = resolved.draws;
  const gains = new Float64Array(draws);
  const shares = new Float64Array(draws);
  let wins = 0;
  let allPositive = true;
  for (let d = 0; d < draws; d++) {
    const before = a.totals[d]!;
    gains[d] = b.totals[d]! - before;
    if (gains[d]! > 0) wins++;
    if (before > 0) shares[d] = gains[d]! / before;
    else allPositive = false;
  }
  const scratch = new Float64Array(draws);
  const gain = spreadOf(gains, 0, draws, scratch);
  const baseExpected = a.result.total.expected;
  let gainShare: Spread | null = null;
  if (allPositive && baseExpected > 0) {
    const ratios = spreadOf(shares, 0, draws, scratch);
    gainShare = { ...ratios, expected: gain.expected / baseExpected };
  }
  const travelCostChange = b.result.total.travelCost - a.result.total.travelCost;
  return {
    base: a.result,
    proposal: b.result,
    gain,
    gainShare,
    probabilityOfGain: wins / draws,
    travelCostChange,
    netGain: gain.expected - travelCostChange,
  };
}
