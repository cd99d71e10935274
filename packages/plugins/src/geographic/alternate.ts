import type { AtomSet } from './atoms.js';
import {
  allocateCandidates,
  bridgeCandidates,
  centreNeighbours,
  ensureReach,
  fillCandidates,
  type CandidateCosts,
} from './candidates.js';
import {
  allocateState,
  balanceByPaths,
  improveByPaths,
  settleAll,
  tightenPrices,
  type Band,
} from './capacitated-assign.js';
import { distanceCost, updateCentres } from './center-update.js';
import { bandExcess } from './feasibility.js';
import type { Pacer } from './pacer.js';

/** One level of the solve: the atoms to place and everything that stays put meanwhile. */
export interface LevelProblem {
  /** Free, located atoms (accounts, units or coarse cells). */
  atoms: AtomSet;
  k: number;
  /** Territory centres as unit vectors, interleaved; updated in place. */
  centres: Float64Array;
  /** 1 where the centre is a rep's home and does not move. */
  fixed: Uint8Array;
  band: Band;
  /** Targets the band is built around (for relative misses). */
  targets: Float64Array;
  /** Σ w·v of the locked accounts of each territory. */
  pinnedSum: Float64Array;
  /** Located locked atoms and their territories (they count in the distance). */
  pinned: AtomSet;
  pinnedTerritory: Int32Array;
  costs: CandidateCosts;
}

export interface LevelOptions {
  /** Candidate territories per atom. */
  width: number;
  /** Neighbour centres an atom's walk looks at. */
  neighbours: number;
  maxRounds: number;
  /** Atom moves allowed per round, as a multiple of the atoms. */
  firstMoves: number;
  moves: number;
  /** A round gains when it beats the best by more than this share … */
  minImprovement: number;
  /** … and the rounds stop after this many rounds without a gain. */
  patience: number;
  /** Shift loads inside the bands after balancing ({@link improveByPaths}); default off. */
  improve?: boolean;
}

export interface LevelResult {
  /** The best assignment seen (territory per atom). */
  territory: Int32Array;
  price: Float64Array;
  /** Centroids of that assignment (fixed centres unchanged). */
  centres: Float64Array;
  /** Σ w·km to those centres, locked accounts included. */
  cost: number;
  /** Largest miss of a band, relative to its target (0: every territory inside). */
  excess: number;
  rounds: number;
}

/**
 * Capacitated assignment alternating with centre updates: each round finds every atom's nearest
 * candidate territories, balances the loads by prices, then moves each free centre to its
 * territory's centroid. Stops when a round no longer improves the distance (or the centres stop
 * moving, or the round limit), and returns the best round: inside the bands first, then the
 * shortest distance.
 */
export async function alternate(
  problem: LevelProblem,
  hint: Int32Array,
  price: Float64Array,
  options: LevelOptions,
  pacer: Pacer,
): Promise<LevelResult> {
  const { atoms, k, band, centres } = problem;
  const n = atoms.count;
  const width = Math.max(1, Math.min(options.width, k));
  const m = Math.max(1, Math.min(options.neighbours, k));
  const cands = allocateCandidates(n, width);
  const state = allocateState(n, k, Float64Array.from(price));
  const guide = Int32Array.from(hint);
  let best: LevelResult | null = null;
  let lastGain = 0;
  let carry = true;
  for (let round = 0; round < options.maxRounds; round++) {
    await pacer.pace();
    const neighbours = centreNeighbours(centres, k, m);
    await fillCandidates(atoms, centres, neighbours, m, guide, problem.costs, cands, pacer);
    ensureReach(atoms, centres, neighbours, m, guide, band.hi, band.pinned, problem.costs, cands);
    // Prices carry over only from a round that balanced: prices that could not balance the
    // last round would scatter this one.
    if (!carry) state.price.fill(0);
    settleAll(atoms.b, cands, band, state, n);
    const moves = Math.ceil(n * (round === 0 ? options.firstMoves : options.moves)) + 1000;
    let run = await balanceByPaths(atoms.b, cands, band, state, moves, pacer);
    // A sealed group: let its border atoms see across it, and try again while that helps.
    let missed = Number.POSITIVE_INFINITY;
    for (let retry = 0; retry < BRIDGE_RETRIES && (run.sealedHigh || run.sealedLow); retry++) {
      const miss = bandExcess(state.load, band, problem.targets);
      if (!(miss < missed)) break;
      missed = miss;
      for (const [group, outwards] of [
        [run.sealedHigh, true],
        [run.sealedLow, false],
      ] as const) {
        if (!group) continue;
        const need = 2 * groupMiss(state.load, band, group, outwards);
        bridgeCandidates(
          atoms,
          centres,
          state.territory,
          group,
          outwards,
          need,
          problem.costs,
          cands,
        );
      }
      run = await balanceByPaths(atoms.b, cands, band, state, moves, pacer);
    }
    carry = run.balanced;
    // Balanced is not yet optimal for the bands: loads may still shift inside them.
    if (run.balanced && options.improve === true) {
      await improveByPaths(atoms.b, cands, band, state, moves, pacer);
    }
    await pacer.pace();
    tightenPrices(atoms.b, cands, state, k);
    const excess = bandExcess(state.load, band, problem.targets);
    const shift = updateCentres(atoms, state.territory, problem.pinnedSum, problem.fixed, centres);
    await pacer.pace();
    const cost =
      distanceCost(atoms, state.territory, centres) +
      distanceCost(problem.pinned, problem.pinnedTerritory, centres) +
      continuityCost(problem.costs, state.territory);
    // A round gains by missing the bands clearly less, or (as well inside them) by a shorter
    // distance.
    const gain =
      best === null ||
      excess < best.excess * 0.99 ||
      (excess <= best.excess && cost < best.cost * (1 - options.minImprovement));
    if (gain) {
      lastGain = round;
    }
    if (best === null || better(excess, cost, best)) {
      best = {
        territory: Int32Array.from(state.territory),
        price: Float64Array.from(state.price),
        centres: Float64Array.from(centres),
        cost,
        excess,
        rounds: round + 1,
      };
    }
    best.rounds = round + 1;
    pacer.report((round + 1) / options.maxRounds);
    guide.set(state.territory);
    // Stop once the centres stand still, or several rounds in a row gained nothing worth having.
    // A level that cannot balance gets little patience: its rounds mostly churn.
    const patience = best.excess === 0 ? options.patience : Math.min(options.patience, 2);
    if ((best.excess === 0 && shift < 1e-7) || round - lastGain >= patience) break;
    await pacer.pace();
  }
  if (best === null) {
    return {
      territory: new Int32Array(0),
      price: Float64Array.from(price),
      centres: Float64Array.from(centres),
      cost: 0,
      excess: 0,
      rounds: 0,
    };
  }
  centres.set(best.centres);
  return best;
}

/** Times a round widens the candidate lists of a sealed group and balances again. */
const BRIDGE_RETRIES = 3;

/** How far a group of territories is over (outwards) or under its bands in total. */
function groupMiss(load: Float64Array, band: Band, group: Uint8Array, outwards: boolean): number {
  let total = 0;
  for (let t = 0; t < group.length; t++) {
    if (group[t] !== 1) continue;
    total += outwards ? Math.max(0, load[t]! - band.hi[t]!) : Math.max(0, band.lo[t]! - load[t]!);
  }
  return total;
}

/** The continuity penalties an assignment pays (0 without continuity). */
function continuityCost(costs: CandidateCosts, territory: Int32Array): number {
  const { ownerTerritory, penalty } = costs;
  if (!ownerTerritory || !penalty) return 0;
  let total = 0;
  for (let a = 0; a < territory.length; a++) {
    if (territory[a] !== ownerTerritory[a]) total += penalty[a]!;
  }
  return total;
}

function better(excess: number, cost: number, than: LevelResult): boolean {
  if (excess !== than.excess) return excess < than.excess;
  return cost < than.cost;
}
