import { compareRuns, type ScenarioComparison, type ScenarioRun } from '@tessera/scenarios';
import { z } from 'zod';
import { ApiError } from '../errors.js';
import type { WorkspaceContext } from '../context.js';
import { loadFinishedRun } from './finished-run.js';
import { metricsSummarySchema } from './report-schemas.js';

const nullableNumbers = z.array(z.number().nullable());

/** `compareRuns`' result as JSON: its typed-array columns as arrays, plus the moved accounts' ids. */
export const comparisonSchema = z.object({
  runs: z.array(z.string()).describe('the compared runs, in the order given'),
  scenarios: z.array(z.object({ name: z.string(), metrics: metricsSummarySchema })),
  deltas: z
    .array(z.record(z.string(), z.number()))
    .describe("every scalar metric minus the first run's, by dotted path"),
  continuity: z.array(z.object({ accountsMovedShare: z.number(), revenueMovedShare: z.number() })),
  pairs: z.array(
    z.object({
      a: z.number().int(),
      b: z.number().int(),
      accountsMoved: z.number(),
      workloadMoved: z.number(),
      revenueMoved: z.number(),
      flow: z.object({
        from: z.array(z.string()),
        to: z.array(z.string()),
        accounts: z.array(z.array(z.number())),
        workload: z.array(z.array(z.number())),
      }),
      moved: z
        .object({
          count: z.number().int(),
          accountIds: z.array(z.string()),
          indexInA: z.array(z.number().int()),
          indexInB: z.array(z.number().int()),
          from: z.array(z.number().int()),
          to: z.array(z.number().int()),
        })
        .describe(
          'moved accounts as columns: `from[k]`/`to[k]` index the flow matrix, `indexInA[k]`/`indexInB[k]` the accounts of each run after its edits (-1: not in it)',
        ),
    }),
  ),
  reps: z.array(
    z.object({
      repId: z.string(),
      repName: z.string().nullable(),
      workload: nullableNumbers,
      change: nullableNumbers,
    }),
  ),
});

export type ComparisonView = z.infer<typeof comparisonSchema>;

/**
 * Compares two to four done runs of the workspace, as `compareRuns` does. Each run is rebuilt
 * from its stored plan, so nothing runs again.
 */
export async function compareStoredRuns({
  ctx,
  input,
}: {
  ctx: WorkspaceContext;
  input: { runs: string[] };
}): Promise<ComparisonView> {
  const seen = new Set<string>();
  input.runs.forEach((id, i) => {
    if (seen.has(id)) throw new ApiError('INVALID', `runs[${i}]: run "${id}" is listed twice`);
    seen.add(id);
  });
  // Runs on one dataset get the same tables from the store, so compareRuns lines their
  // accounts up by row instead of by id.
  const finished: ScenarioRun[] = [];
  for (const id of input.runs) finished.push(await loadFinishedRun(ctx, id));
  const comparison = compareRuns(finished);
  return toJson(input.runs, comparison, (pair, k) => {
    const j = pair.moved.indexInB[k]!;
    return j >= 0
      ? finished[pair.b]!.edited.accounts.id.get(j)
      : finished[pair.a]!.edited.accounts.id.get(pair.moved.indexInA[k]!);
  });
}

function toJson(
  runIds: string[],
  comparison: ScenarioComparison,
  accountIdOf: (pair: ScenarioComparison['pairs'][number], k: number) => string,
): ComparisonView {
  return {
    runs: runIds,
    ...comparison,
    pairs: comparison.pairs.map((pair) => ({
      ...pair,
      moved: {
        count: pair.moved.count,
        accountIds: Array.from({ length: pair.moved.count }, (_, k) => accountIdOf(pair, k)),
        indexInA: Array.from(pair.moved.indexInA),
        indexInB: Array.from(pair.moved.indexInB),
        from: Array.from(pair.moved.from),
        to: Array.from(pair.moved.to),
      },
    })),
  };
}
