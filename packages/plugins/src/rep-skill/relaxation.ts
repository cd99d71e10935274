import { solveTransportation } from '../shared/transportation.js';
import { arcCosts, candidateArcs, type CandidateArcs, type CandidateCounts } from './candidates.js';
import type { UnitPoints } from './geometry.js';
import { priceCheck } from './price-check.js';
import type { SkillClasses } from './skill-classes.js';

export interface RelaxationInput {
  /** The accounts to place: where they are, their skill class, their weight. */
  readonly points: UnitPoints;
  readonly classOf: Int32Array;
  readonly supply: Float64Array;
  readonly reps: UnitPoints;
  /** What each rep may take. */
  readonly room: Float64Array;
  readonly classes: SkillClasses;
  /** Arcs per account (every rep when the counts reach the reps). */
  readonly counts: CandidateCounts;
  /** Whether to price the arcs left out and add those that would lower the cost. */
  readonly pricing: boolean;
  /** Rep prices from a coarser problem: they choose the candidates and start the solver. */
  readonly prices: Float64Array | undefined;
  readonly penaltyKm: number;
  readonly toleranceKm: number;
  readonly pause: () => Promise<void>;
  readonly progress: (fraction: number, message: string) => void;
}

/** At most this many rounds of adding arcs the candidates lacked. */
const PRICING_ROUNDS = 3;

/**
 * The transportation relaxation on candidate arcs, then column generation: the arcs left out
 * are priced with the solution's rep prices, any that would lower the cost is added, and the
 * problem is solved again from those prices, until none is missing (the certificate that the
 * relaxation is optimal over every account–rep arc) or after {@link PRICING_ROUNDS} rounds.
 */
export async function solveRelaxation(
  input: RelaxationInput,
): Promise<{ arcs: CandidateArcs; cost: Float64Array; flow: Float64Array }> {
  const { points, classOf, supply, reps, room, classes, penaltyKm, pause } = input;
  input.progress(0, 'finding candidate reps');
  let arcs = await candidateArcs(points, classOf, reps, classes, input.counts, pause, input.prices);
  let cost = await arcCosts(arcs, penaltyKm, pause);
  input.progress(0.25, 'assigning accounts within capacity');
  let solution = await solveTransportation(
    { supply, capacity: room, arcStart: arcs.start, arcSink: arcs.rep, arcCost: cost },
    {
      ...(input.prices ? { prices: input.prices } : {}),
      tolerance: input.toleranceKm,
      pause,
      onProgress: (f) => {
        input.progress(0.25 + 0.6 * f, 'assigning accounts within capacity');
      },
    },
  );
  for (let round = 0; input.pricing && round < PRICING_ROUNDS; round++) {
    input.progress(0.85 + 0.05 * round, 'checking reps outside the candidates');
    const checked = await priceCheck({
      points,
      classOf,
      reps,
      classes,
      arcs,
      cost,
      prices: solution.prices,
      penaltyKm,
      toleranceKm: input.toleranceKm,
      pause,
    });
    if (checked.added === 0) break;
    arcs = checked.arcs;
    cost = await arcCosts(arcs, penaltyKm, pause);
    solution = await solveTransportation(
      { supply, capacity: room, arcStart: arcs.start, arcSink: arcs.rep, arcCost: cost },
      { prices: solution.prices, tolerance: input.toleranceKm, pause },
    );
  }
  return { arcs, cost, flow: solution.flow };
}
