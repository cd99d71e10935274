import type { ScenarioRun } from '../run/run-scenario.js';
import type { PairComparison } from './types.js';

export interface MovedAccount {
  accountId: string;
  from: string;
  fromRep: string | null;
  to: string;
  toRep: string | null;
}

/**
 * The moved accounts of a pair as rows, for JSON and tables; `limit` caps the list (the
 * comparison itself keeps them as columns, cheap at a million rows).
 */
export function movedAccountList(
  runs: readonly ScenarioRun[],
  pair: PairComparison,
  limit = Number.POSITIVE_INFINITY,
): MovedAccount[] {
  const runA = runs[pair.a]!;
  const runB = runs[pair.b]!;
  const repOf = (run: ScenarioRun, row: number): string | null =>
    run.plan.territories[row]?.repId ?? null;
  const out: MovedAccount[] = [];
  const { moved, flow } = pair;
  for (let k = 0; k < moved.count && out.length < limit; k++) {
    const j = moved.indexInB[k]!;
    const from = moved.from[k]!;
    const to = moved.to[k]!;
    out.push({
      accountId:
        j >= 0 ? runB.edited.accounts.id.get(j) : runA.edited.accounts.id.get(moved.indexInA[k]!),
      from: flow.from[from]!,
      fromRep: repOf(runA, from),
      to: flow.to[to]!,
      toRep: repOf(runB, to),
    });
  }
  return out;
}
