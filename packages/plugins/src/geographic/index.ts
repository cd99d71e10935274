import {
  createRandom,
  definePlugin,
  Plan,
  type RepTable,
  type SegmentResult,
  type Territory,
} from '@tessera/core';
import { Pacer } from './pacer.js';
import { geographicParams } from './params.js';
import { solveGeographic } from './solve.js';
import { unitGroups } from './units.js';

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
    const solution = await solveGeographic({
      accounts: ctx.accounts,
      reps: ctx.reps,
      locks: ctx.locks,
      params,
      groups: params.units === undefined ? null : unitGroups(ctx.accounts, params.units),
      random,
      pacer,
    });
    const { plan } = buildPlan(ctx.reps, solution.territoryRep, solution.territoryOf);
    const result: SegmentResult = { plan, warnings: solution.warnings };
    if (solution.infeasible) result.infeasible = solution.infeasible;
    return result;
  },
});

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
