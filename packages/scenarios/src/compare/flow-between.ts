import type { ScenarioRun } from '../run/run-scenario.js';
import { alignAccounts } from './align-accounts.js';
import { ABSENT_ROW, UNASSIGNED_ROW, type PairComparison } from './types.js';

/**
 * The flow matrix and moved accounts between two runs. Territories are matched by id and rep:
 * an account stays when its territory in `b` has the id and the rep of its territory in `a`.
 */
export function flowBetween(
  runA: ScenarioRun,
  runB: ScenarioRun,
  a: number,
  b: number,
): PairComparison {
  const inA = alignAccounts(runA.edited, runB.edited);
  const TA = runA.plan.territories.length;
  const TB = runB.plan.territories.length;
  // Rows/columns: territories, then unassigned (T), then absent (T + 1).
  const rowsA = TA + 2;
  const colsB = TB + 2;
  const counts = new Float64Array(rowsA * colsB);
  const work = new Float64Array(rowsA * colsB);
  const revenue = new Float64Array(rowsA * colsB);

  const stays = new Uint8Array(rowsA * colsB);
  const byKey = new Map(runB.plan.territories.map((t, i) => [`${t.id}\u0000${t.repId ?? ''}`, i]));
  runA.plan.territories.forEach((t, i) => {
    const j = byKey.get(`${t.id}\u0000${t.repId ?? ''}`);
    if (j !== undefined) stays[i * colsB + j] = 1;
  });
  stays[TA * colsB + TB] = 1; // unassigned in both

  const tOfA = runA.plan.territoryOf;
  const tOfB = runB.plan.territoryOf;
  const wB = runB.edited.accounts.workload;
  const rB = runB.edited.accounts.revenue;
  const seenInA = new Uint8Array(tOfA.length);
  const movedA: number[] = [];
  const movedB: number[] = [];
  const movedFrom: number[] = [];
  const movedTo: number[] = [];
  for (let j = 0; j < tOfB.length; j++) {
    const i = inA[j]!;
    let from = TA + 1;
    if (i >= 0) {
      seenInA[i] = 1;
      const t = tOfA[i]!;
      from = t < 0 ? TA : t;
    }
    const tb = tOfB[j]!;
    const to = tb < 0 ? TB : tb;
    const cell = from * colsB + to;
    counts[cell]!++;
    const w = wB[j]!;
    const r = rB[j]!;
    if (w > 0) work[cell]! += w;
    if (r > 0) revenue[cell]! += r;
    if (stays[cell] === 0) {
      movedA.push(i);
      movedB.push(j);
      movedFrom.push(from);
      movedTo.push(to);
    }
  }
  // Accounts only `a` has went to "absent".
  const wA = runA.edited.accounts.workload;
  const rA = runA.edited.accounts.revenue;
  for (let i = 0; i < tOfA.length; i++) {
    if (seenInA[i] === 1) continue;
    const t = tOfA[i]!;
    const from = t < 0 ? TA : t;
    const cell = from * colsB + TB + 1;
    counts[cell]!++;
    const w = wA[i]!;
    const r = rA[i]!;
    if (w > 0) work[cell]! += w;
    if (r > 0) revenue[cell]! += r;
    movedA.push(i);
    movedB.push(-1);
    movedFrom.push(from);
    movedTo.push(TB + 1);
  }

  let workloadMoved = 0;
  let revenueMoved = 0;
  for (let cell = 0; cell < stays.length; cell++) {
    if (stays[cell] === 1) continue;
    workloadMoved += work[cell]!;
    revenueMoved += revenue[cell]!;
  }
  const labels = (run: ScenarioRun): string[] => [
    ...run.plan.territories.map((t) => t.id),
    UNASSIGNED_ROW,
    ABSENT_ROW,
  ];
  const matrix = (values: Float64Array): number[][] =>
    Array.from({ length: rowsA }, (_, f) =>
      Array.from(values.subarray(f * colsB, (f + 1) * colsB)),
    );
  return {
    a,
    b,
    accountsMoved: movedA.length,
    workloadMoved,
    revenueMoved,
    flow: {
      from: labels(runA),
      to: labels(runB),
      accounts: matrix(counts),
      workload: matrix(work),
    },
    moved: {
      count: movedA.length,
      indexInA: Int32Array.from(movedA),
      indexInB: Int32Array.from(movedB),
      from: Int32Array.from(movedFrom),
      to: Int32Array.from(movedTo),
    },
  };
}
