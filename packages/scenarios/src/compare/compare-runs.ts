import { metricDelta, TesseraError, type PlanMetrics } from '@tessera/core';
import type { ScenarioRun } from '../run/run-scenario.js';
import { baselineKind, continuityAgainst } from './continuity-against.js';
import { flowBetween } from './flow-between.js';
import type { RepWorkloadChange, ScenarioComparison } from './types.js';

/** How many scenarios one comparison takes: side by side is readable up to four. */
export const MAX_COMPARED = 4;

/**
 * Two to four runs side by side: metric deltas against the first, every pair's flow matrix and
 * moved accounts, each rep's workload in each scenario, and each scenario's continuity against
 * one reference, the first scenario's baseline. Scenarios may have different baselines (one
 * runs from today's owners, another on top of a plan): measured each against its own, their
 * continuity would not compare, so each run's own figure is kept under `baselines`. Reads the
 * runs' metrics; only the account alignment and continuity are computed here.
 */
export function compareRuns(runs: readonly ScenarioRun[]): ScenarioComparison {
  if (runs.length < 2 || runs.length > MAX_COMPARED) {
    throw new TesseraError(
      'INVALID_COMPARISON',
      `compare takes 2 to ${MAX_COMPARED} scenarios, got ${runs.length}`,
    );
  }
  const first = runs[0]!;
  const pairs = [];
  for (let a = 0; a < runs.length; a++) {
    for (let b = a + 1; b < runs.length; b++) pairs.push(flowBetween(runs[a]!, runs[b]!, a, b));
  }
  const against = runs.map((run) => continuityAgainst(first.edited, run));
  const continuity = against.map(({ accountsMovedShare, revenueMovedShare }) => ({
    accountsMovedShare,
    revenueMovedShare,
  }));
  const metrics = runs.map((run, s) => ({ ...run.metrics, continuity: continuity[s]! }));
  return {
    reference: { scenario: 0, name: first.scenario.name, kind: baselineKind(first.edited) },
    scenarios: runs.map((run, s) => ({ name: run.scenario.name, metrics: summaryOf(metrics[s]!) })),
    deltas: metrics.map((m) => metricDelta(metrics[0]!, m)),
    continuity,
    baselines: runs.map((run, s) => ({
      kind: baselineKind(run.edited),
      differsFromReference: against[s]!.baselineDiffers,
      ownContinuity: { ...run.metrics.continuity },
    })),
    pairs,
    reps: repWorkloads(runs),
  };
}

/** The metrics without the per-territory list, which each run keeps itself. */
function summaryOf(metrics: PlanMetrics): Omit<PlanMetrics, 'territories'> {
  const { balance, compactness, travel, continuity, contiguity, skillMatch, coverage } = metrics;
  return { balance, compactness, travel, continuity, contiguity, skillMatch, coverage };
}

function repWorkloads(runs: readonly ScenarioRun[]): RepWorkloadChange[] {
  const byRep = new Map<string, RepWorkloadChange>();
  runs.forEach((run, s) => {
    const { reps } = run.edited;
    for (let r = 0; r < reps.length; r++) {
      const repId = reps.id.get(r);
      let entry = byRep.get(repId);
      if (!entry) {
        entry = {
          repId,
          repName: reps.name.get(r) || null,
          workload: runs.map(() => null),
          change: runs.map(() => null),
        };
        byRep.set(repId, entry);
      }
      // A rep on the team without a territory carries nothing.
      entry.workload[s] = 0;
    }
    for (const territory of run.territories) {
      if (territory.repId === null) continue;
      const entry = byRep.get(territory.repId);
      if (entry) entry.workload[s] = (entry.workload[s] ?? 0) + territory.workload;
    }
  });
  for (const entry of byRep.values()) {
    const base = entry.workload[0] ?? null;
    entry.change = entry.workload.map((w) => (w === null || base === null ? null : w - base));
  }
  return [...byRep.values()];
}
