import {
  capacityTargets,
  createRandom,
  definePlugin,
  Plan,
  TesseraError,
  type RepTable,
  type SegmentContext,
  type SegmentResult,
  type Territory,
} from '@tessera/core';
import { exceptionsWarning, resolveUnits, type UsedBlocks } from './block-units.js';
import { makeContiguous } from './contiguity.js';
import { maxDeviation } from './feasibility.js';
import { balanceMeasure } from './measure.js';
import { Pacer } from './pacer.js';
import { geographicParams, type GeographicParams } from './params.js';
import { solveGeographic, type GeographicSolution } from './solve.js';
import { ownerReps } from './units.js';

export { geographicParams, type GeographicParams } from './params.js';

/**
 * Balanced, compact territories from account locations: a capacitated assignment by prices on
 * each account's nearest centres, alternating with centroid updates, then a boundary local
 * search. Honours locks, rep capacities, whole units and continuity; flags plans that cannot
 * meet the tolerance instead of failing. See README.md for the algorithm and its guarantees.
 */
export const geographic = definePlugin({
  id: 'geographic',
  name: 'Geographic',
  version: '1.0.0',
  description:
    'Balanced, compact territories from account locations: every territory within a tolerance of its capacity-weighted target, as compact as balance allows.',
  params: geographicParams,
  async segment(ctx, params): Promise<SegmentResult> {
    const pacer = new Pacer(ctx.signal, (fraction, message) => {
      ctx.progress(fraction, message);
    });
    const random = params.seed === undefined ? ctx.random : createRandom(params.seed);
    const units = await resolveUnits(ctx.accounts, params.units, ctx.blocks ?? null);
    if (units.blocks && units.groups) {
      // Locked accounts are exceptions to the geography: each stays with its rep as an atom of
      // its own instead of dragging its whole block along.
      const owner = ownerReps(ctx.accounts, ctx.reps);
      const codes = Int32Array.from(units.groups.codes, (code, i) =>
        ctx.locks[i] === 1 && owner[i]! >= 0 ? -1 : code,
      );
      units.groups = { ...units.groups, codes };
    }
    if (params.contiguous && !units.blocks) {
      throw new TesseraError(
        'INVALID_PARAMS',
        'strategy "geographic": parameter "contiguous" needs building blocks: units county, state or blocks (a boundaries file)',
      );
    }
    const solution = await solveGeographic({
      accounts: ctx.accounts,
      reps: ctx.reps,
      locks: ctx.locks,
      params,
      groups: units.groups,
      random,
      pacer,
    });
    const warnings = [...units.warnings, ...solution.warnings];
    let { infeasible } = solution;
    if (params.contiguous && units.blocks) {
      ({ infeasible } = wholeTerritories(ctx, params, units.blocks, solution, warnings));
    }
    if (units.blocks) {
      const k = solution.territoryRep.length;
      const note = exceptionsWarning(units.blocks, solution.territoryOf, ctx.locks, k);
      if (note) warnings.push(note);
    }
    const { plan } = buildPlan(ctx.reps, solution.territoryRep, solution.territoryOf);
    const result: SegmentResult = { plan, warnings };
    if (infeasible) result.infeasible = infeasible;
    return result;
  },
});

/**
 * The contiguity pass over a solution (rewritten in place): each territory one piece per
 * landmass, within the tolerance where boundary moves can get it there.
 */
function wholeTerritories(
  ctx: SegmentContext,
  params: GeographicParams,
  blocks: UsedBlocks,
  solution: GeographicSolution,
  warnings: string[],
): { infeasible: GeographicSolution['infeasible'] } {
  const measure = balanceMeasure(ctx.accounts, params.balanceOn);
  const capacities = Float64Array.from(solution.territoryRep, (r) =>
    r < 0 ? 0 : ctx.reps.capacity[r]!,
  );
  const targets = capacityTargets(measure.total, capacities);
  const locked = Uint8Array.from(ctx.locks, (l, i) =>
    l === 1 && solution.territoryOf[i]! >= 0 ? 1 : 0,
  );
  const { inPieces, landmasses } = makeContiguous({
    blocks: blocks.set,
    blockOf: blocks.blockOf,
    territoryOf: solution.territoryOf,
    load: measure.values,
    locked,
    targets,
    tolerance: params.tolerance,
  });
  const label = (t: number): string => {
    const r = solution.territoryRep[t]!;
    return r < 0 ? `territory ${t + 1}` : `rep "${ctx.reps.id.get(r)}"`;
  };
  const islands = [...landmasses.keys()].filter((t) => landmasses[t]! > 1);
  if (islands.length > 0) {
    warnings.push(
      `${islands.length} ${islands.length === 1 ? 'territory reaches' : 'territories reach'} several landmasses of the geography (islands) and keep${islands.length === 1 ? 's' : ''} one piece on each: ${islands
        .slice(0, 5)
        .map((t) => `${label(t)} on ${landmasses[t]}`)
        .join(', ')}${islands.length > 5 ? ', …' : ''}`,
    );
  }
  if (inPieces.length > 0) {
    warnings.push(
      `${inPieces.length} ${inPieces.length === 1 ? 'territory is' : 'territories are'} still in pieces (a block whose accounts are in several territories cannot move): ${inPieces
        .slice(0, 5)
        .map((p) => `${label(p.territory)} in ${p.pieces} pieces`)
        .join(', ')}${inPieces.length > 5 ? ', …' : ''}`,
    );
  }
  const load = new Float64Array(targets.length);
  for (let i = 0; i < solution.territoryOf.length; i++) {
    const t = solution.territoryOf[i]!;
    if (t >= 0) load[t]! += measure.values[i]!;
  }
  const achieved = maxDeviation(load, targets);
  if (achieved <= params.tolerance + 1e-9) return { infeasible: undefined };
  return {
    infeasible: {
      reason:
        solution.infeasible?.reason ??
        `whole territories of these blocks reach ±${round(achieved)} at best, not ±${round(params.tolerance)}: blocks are too coarse for the tolerance (try finer blocks, a larger tolerance or fewer territories)`,
      achievedDeviation: achieved,
    },
  };
}

function round(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/**
 * The plan: staffed territories first in rep order (`T-<rep id>`, named after the rep, as
 * `Plan.fromRepAssignment` does), then unstaffed ones (`T-open-1`, …).
 */
function buildPlan(
  reps: RepTable,
  territoryRep: Int32Array,
  territoryOf: Int32Array,
): { plan: Plan } {
  const k = territoryRep.length;
  const order = Array.from({ length: k }, (_, t) => t).sort((a, b) => {
    const ra = territoryRep[a]!;
    const rb = territoryRep[b]!;
    if (ra >= 0 && rb >= 0) return ra - rb;
    if (ra >= 0) return -1;
    if (rb >= 0) return 1;
    return a - b;
  });
  const position = new Int32Array(k);
  const territories: Territory[] = [];
  const used = new Set<string>();
  let open = 0;
  for (const t of order) {
    position[t] = territories.length;
    const r = territoryRep[t]!;
    if (r >= 0) {
      const repId = reps.id.get(r);
      used.add(`T-${repId}`);
      territories.push({ id: `T-${repId}`, name: reps.name.get(r) || repId, repId });
    } else territories.push({ id: '', name: '', repId: null });
  }
  for (const territory of territories) {
    if (territory.repId !== null) continue;
    let id: string;
    do id = `T-open-${++open}`;
    while (used.has(id));
    used.add(id);
    territory.id = id;
    territory.name = `Open territory ${open}`;
  }
  const out = new Int32Array(territoryOf.length);
  for (let i = 0; i < out.length; i++) {
    const t = territoryOf[i]!;
    out[i] = t < 0 ? -1 : position[t]!;
  }
  return { plan: new Plan(out, territories) };
}
