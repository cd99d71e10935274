import { capacityTargets, type AccountTable, type Random, type RepTable } from '@tessera/core';
import { alternate, type LevelOptions, type LevelProblem, type LevelResult } from './alternate.js';
import { matchLeaders, repHomes, repsWithLocks, type RepLeaders } from './assign-reps.js';
import { concatAtoms, isLocated, subsetAtoms, type AtomSet } from './atoms.js';
import { arcKm, type CandidateCosts } from './candidates.js';
import type { Band } from './capacitated-assign.js';
import { updateCentres } from './center-update.js';
import { coarsen, type CoarseCells } from './coarsen.js';
import { bandAround, explainInfeasible, maxDeviation } from './feasibility.js';
import { relocateCentres } from './relocate.js';
import { rescueBands } from './rescue.js';
import { polish } from './local-search.js';
import { balanceMeasure, distanceWeights } from './measure.js';
import type { Pacer } from './pacer.js';
import type { GeographicParams } from './params.js';
import { seedCentres } from './seed-centers.js';
import { buildAtoms, type UnitGroups } from './units.js';
import { placeUnlocated } from './unlocated.js';
import { unlocatedWarning } from './unlocated-note.js';

/** Above this many free located atoms, a level of ~{@link MID_CELLS} cells comes first. */
const MID_ABOVE = 60_000;
const MID_CELLS = 25_000;
/** Above this many atoms (or cells), the starts run on ~{@link TOP_CELLS} coarser cells. */
const TOP_ABOVE = 12_000;
const TOP_CELLS = 6_000;
const TOP_CELLS_PER_TERRITORY = 60;
/** k-means starts tried on the coarsest level; the best is refined … */
const STARTS = 3;
/** … or this many when the accounts themselves are the only level (small problems). */
const SMALL_STARTS = 6;
/** … when the coarsest level has at most this many cells × territories. */
const STARTS_BUDGET = 4_000_000;
/**
 * Centre relocation trials on the best start (small problems only): at most
 * {@link RELOCATIONS}, fewer once atoms × territories × trials passes the budget.
 */
const RELOCATIONS = 40;
const RELOCATE_BUDGET = 10_000_000;
/** … and they stop after this many trials in a row without a gain. */
const RELOCATE_PATIENCE = 20;
/** In free mode a rep's home counts like this share of a territory's weight sitting there. */
const HOME_SHARE = 0.05;
/**
 * In homes mode each rep's home pulls its territory's centre as if an average territory's
 * weight times this sat there. On 20k generated accounts / 50 reps (mean km to the centroid /
 * to the rep): 0.25 → 144 / 468, 0.5 → 151 / 474, 1 → 166 / 448, 2 → 193 / 449 (free: 144 /
 * 613, reps: 262 / 447); 1 travels as little as fixed home centres, far more compactly.
 */
const HOME_PULL = 1;

const TOP_LEVEL: LevelOptions = {
  width: 10,
  neighbours: 24,
  maxRounds: 40,
  firstMoves: 4,
  moves: 2,
  minImprovement: 2e-4,
  patience: 8,
};
const MID_LEVEL: LevelOptions = {
  width: 8,
  neighbours: 24,
  maxRounds: 25,
  firstMoves: 2,
  moves: 2,
  minImprovement: 5e-4,
  patience: 2,
};
/**
 * When the accounts are the only level: the balanced rounds also shift loads inside the bands,
 * which the coarse levels of big problems skip (their lumpy cells gain nothing from it there,
 * and it costs time).
 */
const SINGLE_LEVEL: LevelOptions = { ...TOP_LEVEL, improve: true };
const RELOCATE_LEVEL: LevelOptions = {
  ...SINGLE_LEVEL,
  // A trial only needs to show whether the jump leads somewhere better; the rounds after the
  // first few mostly polish.
  maxRounds: 8,
  patience: 2,
};
const POLISH = { width: 8, neighbours: 24, passes: 3 };

export interface SolveInput {
  accounts: AccountTable;
  reps: RepTable;
  locks: Uint8Array;
  params: GeographicParams;
  /** The groups of accounts that stay whole (the `units` parameter resolved), or null. */
  groups: UnitGroups | null;
  random: Random;
  pacer: Pacer;
}

export interface GeographicSolution {
  /** Territory of each account (-1 only when no territory was built). */
  territoryOf: Int32Array;
  /** Rep row leading each territory, or -1 for an unstaffed one. */
  territoryRep: Int32Array;
  warnings: string[];
  infeasible?: { reason: string; achievedDeviation: number };
}

/** The whole geographic solve; see the README for the algorithm and its guarantees. */
export async function solveGeographic(input: SolveInput): Promise<GeographicSolution> {
  const { accounts, reps, locks, params, pacer } = input;
  const warnings: string[] = [];
  const m = reps.length;
  pacer.stage(0, 0.05, 'preparing accounts');
  const measure = balanceMeasure(accounts, params.balanceOn);
  if (measure.fellBackToAccounts && accounts.length > 0) {
    warnings.push(
      `balance measure ${describe(params.balanceOn)} sums to 0: balanced on account counts`,
    );
  }
  await pacer.pace();
  const weight = distanceWeights(accounts);
  const groups = input.groups;
  await pacer.pace();
  const { atoms, atomOf, splitUnits } = await buildAtoms(
    accounts,
    reps,
    locks,
    measure.values,
    weight,
    groups?.codes ?? null,
    pacer,
  );
  if (splitUnits > 0) {
    warnings.push(
      `${splitUnits} ${plural(splitUnits, 'unit')} of "${params.units ?? ''}" ${splitUnits === 1 ? 'holds' : 'hold'} accounts locked to different reps and ${splitUnits === 1 ? 'was' : 'were'} split by lock`,
    );
  }

  await pacer.pace();
  const mustLead = repsWithLocks(atoms, m);
  const mandatory = mustLead.reduce((s, x) => s + x, 0);
  let k = params.k ?? m;
  if (k < mandatory) {
    warnings.push(
      `k raised from ${k} to ${mandatory}: that many reps hold locked accounts and each must lead a territory`,
    );
    k = mandatory;
  }
  if (k === 0) {
    warnings.push('there are no reps and no k: no territory was built');
    return {
      territoryOf: new Int32Array(accounts.length).fill(-1),
      territoryRep: new Int32Array(0),
      warnings,
    };
  }
  if (k > m) warnings.push(`${k - m} of ${k} territories have no rep (k is larger than the team)`);
  if (k < m)
    warnings.push(
      `${m - k} ${plural(m - k, 'rep')} lead no territory (k is smaller than the team)`,
    );

  // Who is placed by distance, who is pinned by a lock, who has no position.
  const freeIdx: number[] = [];
  const pinnedIdx: number[] = [];
  const looseIdx: number[] = [];
  for (let a = 0; a < atoms.count; a++) {
    if ((a & 65535) === 65535) await pacer.pace();
    if (atoms.lockRep[a]! >= 0) {
      if (isLocated(atoms, a)) pinnedIdx.push(a);
    } else if (isLocated(atoms, a)) freeIdx.push(a);
    else looseIdx.push(a);
  }
  const freePick = Int32Array.from(freeIdx);
  await pacer.pace();
  const free = freeIdx.length === atoms.count ? atoms : await subsetAtoms(atoms, freePick, pacer);
  const pinned = await subsetAtoms(atoms, Int32Array.from(pinnedIdx), pacer);
  const loose = Int32Array.from(looseIdx);
  const unlocated = unlocatedWarning(accounts, atoms, atomOf, params.continuityWeight > 0);
  if (unlocated !== null) warnings.push(unlocated);

  const tolerance = params.tolerance;
  let locatedLoad = 0;
  for (let a = 0; a < free.count; a++) locatedLoad += free.b[a]!;
  await pacer.pace();
  const levels = await buildLevels(free, pacer, {
    maxLoad: (0.25 * Math.max(tolerance, 0.01) * Math.max(locatedLoad, 1e-300)) / k,
    territories: k,
    owners: params.continuityWeight > 0,
  });
  const top = levels[0]!.atoms;

  // Centres, leaders and the first balanced rounds, from a few k-means starts on the coarsest
  // level; the best start is refined level by level.
  const homes = repHomes(reps);
  const reps1to1 = params.centers === 'reps' && k >= m;
  if (params.centers !== 'free' && !homes.some((v) => !Number.isNaN(v)) && m > 0) {
    warnings.push('no rep has a home base: territory centres are free');
  }
  const fixedPosition = new Float64Array(3 * k).fill(Number.NaN);
  if (reps1to1) {
    for (let r = 0; r < m; r++) {
      if (!Number.isNaN(homes[3 * r]!)) fixedPosition.set(homes.subarray(3 * r, 3 * r + 3), 3 * r);
    }
  }
  const freeCentres = fixedPosition.some((v) => Number.isNaN(v));
  // Several starts while they are cheap; one when the coarsest level is big for this many
  // territories (its seeding alone is O(cells × k)).
  const single = levels.length === 1;
  const starts =
    free.count > 0 && freeCentres
      ? top.count * k <= STARTS_BUDGET
        ? single
          ? SMALL_STARTS
          : STARTS
        : 1
      : 1;
  // On a single level the starts and trials are cheap (a few thousand atoms), and few
  // territories over skewed geography leave k-means starts in poor local optima: one centre
  // jumping to where the territories are most spread often escapes them.
  const trials =
    single && freeCentres && free.count > 0
      ? Math.min(RELOCATIONS, Math.floor(RELOCATE_BUDGET / (top.count * k)))
      : 0;
  const startsEnd = trials > 0 ? 0.35 : 0.5;
  const seedPoints = concatAtoms(top, pinned);
  let typicalKm = -1;
  let best: Start | null = null;
  for (let start = 0; start < starts; start++) {
    pacer.stage(
      0.05 + ((startsEnd - 0.05) * start) / starts,
      0.05 + ((startsEnd - 0.05) * (start + 1)) / starts,
      'placing territory centres',
    );
    const random = start === 0 ? input.random : input.random.fork();
    const seeded = await seedCentres(seedPoints, fixedPosition, k, random, pacer);
    if (typicalKm < 0) typicalKm = meanNearestKm(top, pinned, seeded.centres, seeded.nearest);
    const leaders = reps1to1
      ? {
          territoryRep: Int32Array.from({ length: k }, (_, t) => (t < m ? t : -1)),
          territoryOfRep: Int32Array.from({ length: m }, (_, r) => r),
        }
      : matchLeaders(k, m, {
          centres: seeded.centres,
          homes,
          homeWeight: ((params.centers === 'free' ? HOME_SHARE : 1) * totalWeight(top, pinned)) / k,
          locked: pinned,
          ...ownership(top, seeded.nearest, k, m),
          continuityCost: params.continuityWeight * typicalKm,
          mustLead,
        });
    const fixed = new Uint8Array(k);
    if (params.centers === 'reps') {
      for (let t = 0; t < k; t++) {
        const r = leaders.territoryRep[t]!;
        if (r < 0 || Number.isNaN(homes[3 * r]!)) continue;
        seeded.centres.set(homes.subarray(3 * r, 3 * r + 3), 3 * t);
        fixed[t] = 1;
      }
    }
    await pacer.pace();
    const setup = territorySetup({
      k,
      atoms,
      pinnedIdx,
      loose,
      leaders,
      reps,
      total: measure.total,
      tolerance,
      continuityCost: params.continuityWeight * typicalKm,
      homePull: params.centers === 'homes' ? (HOME_PULL * totalWeight(top, pinned)) / k : 0,
      homes,
    });
    await pacer.pace();
    const problem: LevelProblem = {
      atoms: top,
      k,
      centres: seeded.centres,
      fixed,
      band: setup.band,
      targets: setup.locatedTargets,
      pinnedSum: setup.pinnedSum,
      pinned,
      pinnedTerritory: setup.pinnedTerritory,
      costs: setup.costsFor(top, 1e-6 * typicalKm),
    };
    const result =
      free.count > 0
        ? await alternate(
            problem,
            seeded.nearest.subarray(0, top.count),
            new Float64Array(k),
            single ? SINGLE_LEVEL : TOP_LEVEL,
            pacer,
          )
        : null;
    if (
      best === null ||
      (result !== null && best.result !== null && betterStart(result, best.result))
    ) {
      best = { leaders, setup, problem, result };
    }
  }
  if (best!.result !== null && trials > 0) {
    pacer.stage(startsEnd, 0.5, 'relocating territory centres');
    best!.result = await relocateCentres(
      best!.problem,
      best!.result,
      trials,
      input.random.fork(),
      RELOCATE_LEVEL,
      pacer,
      RELOCATE_PATIENCE,
    );
  }
  const { leaders, setup } = best!;
  const { territoryRep, territoryOfRep } = leaders;
  const { targets, band, pinnedLoad, atomTerritory } = setup;

  let freeTerritory: Int32Array = new Int32Array(0);
  if (best!.result !== null) {
    let result = best!.result;
    let problem = best!.problem;
    const last = levels.length - 1;
    for (let level = 1; level < last; level++) {
      const { atoms: finer, parentOf } = levels[level]!;
      pacer.stage(0.5, 0.8, 'refining territories');
      problem = { ...problem, atoms: finer, costs: setup.costsFor(finer, 1e-6 * typicalKm) };
      const parent = result.territory;
      const hint = Int32Array.from(parentOf!, (c) => parent[c]!);
      result = await alternate(problem, hint, result.price, MID_LEVEL, pacer);
    }
    if (last > 0) {
      // Account by account: each inherits its cell's territory (so the loads are the cells'
      // loads, inside the bands), then the boundaries are polished around updated centroids.
      pacer.stage(0.8, 0.97, 'polishing account by account');
      const parent = result.territory;
      const cellOf = levels[last]!.parentOf!;
      freeTerritory = new Int32Array(free.count);
      for (let a = 0; a < free.count; a++) freeTerritory[a] = parent[cellOf[a]!]!;
      problem = { ...problem, atoms: free, costs: setup.costsFor(free, 1e-6 * typicalKm) };
    } else {
      freeTerritory = result.territory;
      pacer.stage(0.9, 0.97, 'local search along the boundaries');
    }
    await pacer.pace();
    const load = Float64Array.from(pinnedLoad);
    for (let a = 0; a < free.count; a++) load[freeTerritory[a]!]! += free.b[a]!;
    await pacer.pace();
    if (last > 0)
      updateCentres(free, freeTerritory, setup.pinnedSum, problem.fixed, problem.centres);
    await pacer.pace();
    await polish(problem, band, freeTerritory, load, POLISH, pacer);
  }
  for (let j = 0; j < free.count; j++) atomTerritory[freeIdx[j]!] = freeTerritory[j]!;

  // Accounts without coordinates even out what is left, against the full targets.
  pacer.stage(0.97, 1, 'placing accounts without coordinates');
  const load = new Float64Array(k);
  for (let a = 0; a < atoms.count; a++) {
    const t = atomTerritory[a]!;
    if (t >= 0) load[t]! += atoms.b[a]!;
  }
  const looseOwner =
    params.continuityWeight > 0
      ? Int32Array.from(atoms.ownerRep, (r) => (r < 0 ? -1 : territoryOfRep[r]!))
      : null;
  await placeUnlocated(loose, looseOwner, atoms.b, targets, load, atomTerritory, pacer);

  await pacer.pace();
  if (maxDeviation(load, targets) > tolerance + 1e-9) {
    const movable = new Uint8Array(atoms.count);
    for (const a of freeIdx) movable[a] = 1;
    for (const a of looseIdx) movable[a] = 1;
    const lo = Float64Array.from(targets, (x) => x * (1 - tolerance));
    const hi = Float64Array.from(targets, (x) => x * (1 + tolerance));
    rescueBands(atoms, movable, atomTerritory, load, lo, hi);
    await pacer.pace();
  }
  const territoryOf = new Int32Array(accounts.length);
  for (let i = 0; i < accounts.length; i++) territoryOf[i] = atomTerritory[atomOf[i]!]!;

  const achieved = maxDeviation(load, targets);
  const solution: GeographicSolution = { territoryOf, territoryRep, warnings };
  if (achieved > tolerance + 1e-9) {
    solution.infeasible = {
      reason: explainInfeasible({
        tolerance,
        k,
        targets,
        ...largestAtom(atoms, atomOf, accounts, params.units, groups),
        loadedAtoms: countLoaded(atoms),
        distinctPlaces: distinctPlaces(free, k),
        pinnedLoad,
        territoryLabel: (t) => {
          const r = territoryRep[t]!;
          return r < 0 ? `territory ${t + 1}` : `rep "${reps.id.get(r)}"`;
        },
        achieved,
      }),
      achievedDeviation: achieved,
    };
  }
  return solution;
}

function describe(balanceOn: GeographicParams['balanceOn']): string {
  return typeof balanceOn === 'string' ? balanceOn : JSON.stringify(balanceOn);
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

function countLoaded(atoms: AtomSet): number {
  let n = 0;
  for (let a = 0; a < atoms.count; a++) if (atoms.b[a]! > 0) n++;
  return n;
}

/** Distinct positions among the atoms, counting no further than `cap`. */
function distinctPlaces(atoms: AtomSet, cap: number): number {
  const seen = new Set<string>();
  for (let a = 0; a < atoms.count && seen.size < cap; a++) {
    seen.add(`${atoms.x[a]!.toFixed(9)},${atoms.y[a]!.toFixed(9)},${atoms.z[a]!.toFixed(9)}`);
  }
  return seen.size;
}

function largestAtom(
  atoms: AtomSet,
  atomOf: Int32Array,
  accounts: AccountTable,
  units: string | undefined,
  groups: UnitGroups | null,
): { largestLoad: number; largestLabel: string } {
  let best = -1;
  for (let a = 0; a < atoms.count; a++) if (best < 0 || atoms.b[a]! > atoms.b[best]!) best = a;
  if (best < 0) return { largestLoad: 0, largestLabel: '' };
  let members = 0;
  let first = -1;
  for (let i = 0; i < atomOf.length; i++) {
    if (atomOf[i] !== best) continue;
    members++;
    if (first < 0) first = i;
  }
  const label =
    members === 1 || groups === null
      ? `account "${accounts.id.get(first)}"`
      : `unit ${units ?? ''} = "${groups.valueOf(groups.codes[first]!)}" (${members} accounts)`;
  return { largestLoad: atoms.b[best]!, largestLabel: label };
}

/** A level of the solve: its atoms and, below the coarsest, the coarser atom each belongs to. */
interface Level {
  atoms: AtomSet;
  parentOf: Int32Array | null;
}

/** The free atoms, and coarser cells of them when there are many: coarsest first. */
async function buildLevels(
  free: AtomSet,
  pacer: Pacer,
  options: { maxLoad: number; territories: number; owners: boolean },
): Promise<Level[]> {
  const levels: Level[] = [{ atoms: free, parentOf: null }];
  const cellsOf = (set: AtomSet, cells: number, loadScale: number): Promise<CoarseCells> =>
    coarsen(
      set,
      { ...options, maxLoad: options.maxLoad * loadScale, maxAtoms: Math.ceil(set.count / cells) },
      pacer,
    );
  if (free.count > MID_ABOVE) {
    const mid = await cellsOf(free, MID_CELLS, 1);
    levels[0]!.parentOf = mid.cellOf;
    levels.unshift({ atoms: mid.cells, parentOf: null });
  }
  const topCells = Math.max(TOP_CELLS, TOP_CELLS_PER_TERRITORY * options.territories);
  if (levels[0]!.atoms.count > Math.max(TOP_ABOVE, 1.5 * topCells)) {
    // Starts only explore: cells may be lumpier there (up to the band's width).
    const top = await cellsOf(levels[0]!.atoms, topCells, 4);
    levels[0]!.parentOf = top.cellOf;
    levels.unshift({ atoms: top.cells, parentOf: null });
  }
  return levels;
}

/** One k-means start: its leaders, targets and the result of its balanced rounds. */
interface Start {
  leaders: RepLeaders;
  setup: TerritorySetup;
  problem: LevelProblem;
  result: LevelResult | null;
}

function betterStart(a: LevelResult, b: LevelResult): boolean {
  return a.excess !== b.excess ? a.excess < b.excess : a.cost < b.cost;
}

/** Weighted mean km from the points to their nearest seed: the unit of continuity. */
function meanNearestKm(
  top: AtomSet,
  pinned: AtomSet,
  centres: Float64Array,
  nearest: Int32Array,
): number {
  let weight = 0;
  let sum = 0;
  for (let a = 0; a < top.count; a++) {
    const t = nearest[a]!;
    if (t < 0) continue;
    const q = 3 * t;
    weight += top.w[a]!;
    sum +=
      top.w[a]! *
      arcKm(top.x[a]!, top.y[a]!, top.z[a]!, centres[q]!, centres[q + 1]!, centres[q + 2]!);
  }
  for (let a = 0; a < pinned.count; a++) {
    const t = nearest[top.count + a]!;
    if (t < 0) continue;
    const q = 3 * t;
    weight += pinned.w[a]!;
    sum +=
      pinned.w[a]! *
      arcKm(
        pinned.x[a]!,
        pinned.y[a]!,
        pinned.z[a]!,
        centres[q]!,
        centres[q + 1]!,
        centres[q + 2]!,
      );
  }
  return Math.max(weight > 0 ? sum / weight : 0, 1e-3);
}

function totalWeight(top: AtomSet, pinned: AtomSet): number {
  let sum = 0;
  for (let a = 0; a < top.count; a++) sum += top.w[a]!;
  for (let a = 0; a < pinned.count; a++) sum += pinned.w[a]!;
  return sum;
}

/** Weight each rep owns, and how much of it is nearest each seed (rep-major). */
function ownership(
  top: AtomSet,
  nearest: Int32Array,
  k: number,
  m: number,
): { owned: Float64Array; ownedIn: Float64Array } {
  const owned = new Float64Array(m);
  const ownedIn = new Float64Array(m * k);
  for (let a = 0; a < top.count; a++) {
    const r = top.ownerRep[a]!;
    if (r < 0) continue;
    owned[r]! += top.ownerW[a]!;
    const t = nearest[a]!;
    if (t >= 0) ownedIn[r * k + t]! += top.ownerW[a]!;
  }
  return { owned, ownedIn };
}

/** Targets, bands and locked loads once the leaders are known. */
interface TerritorySetup {
  targets: Float64Array;
  /** Targets for the located accounts: the share the accounts without coordinates leave them. */
  locatedTargets: Float64Array;
  band: Band;
  pinnedLoad: Float64Array;
  pinnedSum: Float64Array;
  pinnedTerritory: Int32Array;
  /** Territory of every atom so far (locked ones placed, -1 elsewhere). */
  atomTerritory: Int32Array;
  /** Continuity costs and tie-breaking jitter for a level's atoms. */
  costsFor(set: AtomSet, jitterKm: number): CandidateCosts;
}

function territorySetup(input: {
  k: number;
  atoms: AtomSet;
  pinnedIdx: number[];
  loose: Int32Array;
  leaders: RepLeaders;
  reps: RepTable;
  total: number;
  tolerance: number;
  continuityCost: number;
  /** Weight with which each rep's home pulls its territory's centre (0: none). */
  homePull: number;
  homes: Float64Array;
}): TerritorySetup {
  const { k, atoms, leaders, reps, total, continuityCost } = input;
  const { territoryRep, territoryOfRep } = leaders;
  const capacities = Float64Array.from(territoryRep, (r) => (r < 0 ? 0 : reps.capacity[r]!));
  const targets = capacityTargets(total, capacities);
  const atomTerritory = new Int32Array(atoms.count).fill(-1);
  const pinnedLoad = new Float64Array(k);
  const pinnedSum = new Float64Array(3 * k);
  for (let a = 0; a < atoms.count; a++) {
    const r = atoms.lockRep[a]!;
    if (r < 0) continue;
    const t = territoryOfRep[r]!;
    atomTerritory[a] = t;
    pinnedLoad[t]! += atoms.b[a]!;
    pinnedSum[3 * t]! += atoms.sx[a]!;
    pinnedSum[3 * t + 1]! += atoms.sy[a]!;
    pinnedSum[3 * t + 2]! += atoms.sz[a]!;
  }
  if (input.homePull > 0) {
    // The home counts in the centroid like accounts weighing homePull sitting there.
    for (let t = 0; t < k; t++) {
      const r = territoryRep[t]!;
      if (r < 0 || Number.isNaN(input.homes[3 * r]!)) continue;
      for (let c = 0; c < 3; c++) pinnedSum[3 * t + c]! += input.homePull * input.homes[3 * r + c]!;
    }
  }
  let looseLoad = 0;
  for (const a of input.loose) looseLoad += atoms.b[a]!;
  const scale = total > 0 ? (total - looseLoad) / total : 1;
  const locatedTargets = targets.map((t) => t * scale);
  return {
    targets,
    locatedTargets,
    band: bandAround(locatedTargets, input.tolerance * (1 - 1e-9), pinnedLoad),
    pinnedLoad,
    pinnedSum,
    pinnedTerritory: Int32Array.from(input.pinnedIdx, (a) => atomTerritory[a]!),
    atomTerritory,
    costsFor: (set, jitterKm) => ({
      ownerTerritory:
        continuityCost > 0
          ? Int32Array.from(set.ownerRep, (r) => (r < 0 ? -1 : territoryOfRep[r]!))
          : null,
      penalty: continuityCost > 0 ? set.ownerW.map((w) => w * continuityCost) : null,
      jitterKm,
    }),
  };
}
