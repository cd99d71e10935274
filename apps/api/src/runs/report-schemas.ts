import type { PlanMetrics } from '@tessera/core';
import type { RunTimings, ScenarioOutcome, TerritoryRow } from '@tessera/scenarios';
import { z } from 'zod';

// zod mirrors of the report types core and scenarios define: the API validates what it sends
// and documents it. Each is checked against its type below, so they cannot drift apart.

const balanceStats = z.object({
  maxDeviation: z.number(),
  cv: z.number(),
  gini: z.number(),
  index: z.number().describe('0–100: 100 is perfect balance'),
});

const territoryMetrics = z.object({
  id: z.string(),
  repId: z.string().nullable(),
  accounts: z.number(),
  workload: z.number(),
  potential: z.number(),
  revenue: z.number(),
  capacity: z.number(),
  utilization: z.number(),
  centroid: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  meanDistanceKm: z.number(),
  travelKm: z.number().nullable(),
  pieces: z.number().int(),
  requiredPieces: z.number().int(),
});

const summaryShape = {
  balance: z.object({ workload: balanceStats, potential: balanceStats, accounts: balanceStats }),
  compactness: z.object({ meanDistanceKm: z.number(), kmeansRatio: z.number().nullable() }),
  travel: z.object({ meanDistanceKm: z.number().nullable() }),
  continuity: z.object({ accountsMovedShare: z.number(), revenueMovedShare: z.number() }),
  contiguity: z.object({ territoriesInPieces: z.number().int(), extraPieces: z.number().int() }),
  skillMatch: z.object({ share: z.number() }),
  coverage: z.object({
    unassigned: z.number(),
    repsWithoutTerritory: z.number(),
    overCapacity: z.number(),
  }),
};

/** A plan's metrics as core computes them (docs in the core README). */
export const planMetricsSchema = z.object({
  territories: z.array(territoryMetrics),
  ...summaryShape,
});

/** The metrics without the per-territory list, as a comparison shows each scenario. */
export const metricsSummarySchema = z.object(summaryShape);

export const territoryRowSchema = territoryMetrics.omit({ centroid: true }).extend({
  name: z.string(),
  repName: z.string().nullable(),
  accountsGained: z.number(),
});

export const runTimingsSchema = z.object({
  editsMs: z.number(),
  strategyMs: z.number(),
  metricsMs: z.number(),
  totalMs: z.number(),
});

export const infeasibleSchema = z
  .object({ reason: z.string(), achievedDeviation: z.number().optional() })
  .nullable();

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AllTrue<T extends true[]> = T;
/** Fails to compile when a schema and the type it mirrors disagree. */
export type ReportSchemasMatch = AllTrue<
  [
    Same<z.infer<typeof planMetricsSchema>, PlanMetrics>,
    Same<z.infer<typeof territoryRowSchema>, TerritoryRow>,
    Same<z.infer<typeof runTimingsSchema>, RunTimings>,
    Same<z.infer<typeof infeasibleSchema>, ScenarioOutcome['infeasible']>,
  ]
>;
