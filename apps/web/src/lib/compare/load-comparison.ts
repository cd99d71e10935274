import type { DatasetData, RunProgress, ScenarioComparison, ScenarioRun } from '@tessera/scenarios';
import { compareRuns } from '@tessera/scenarios';

/** A saved scenario as the API returns it (`scenarios.get`). */
export interface ScenarioRecord {
  id: string;
  revision: number;
  scenario: Record<string, unknown>;
  updatedAt: string;
}

/** Where a comparison gets its parts; the page passes the API, the dataset loader and the worker pool. */
export interface ComparisonDeps {
  getScenario(id: string, signal: AbortSignal): Promise<ScenarioRecord>;
  loadDataset(datasetId: string, signal: AbortSignal): Promise<DatasetData>;
  /**
   * Runs one scenario (without its `dataset` reference) on the dataset, in a worker; or hands
   * back the run the scenario page kept for this id and revision.
   */
  run(
    datasetId: string,
    data: DatasetData,
    record: ScenarioRecord,
    scenario: Record<string, unknown>,
    options: { signal: AbortSignal; onProgress: (progress: RunProgress) => void },
  ): Promise<ScenarioRun>;
}

export type ComparisonStep =
  | { kind: 'scenarios' }
  | { kind: 'dataset'; datasetId: string }
  | { kind: 'run'; index: number; fraction: number; message: string | undefined }
  | { kind: 'compare' };

export interface LoadedComparison {
  datasetId: string;
  records: ScenarioRecord[];
  names: string[];
  runs: ScenarioRun[];
  comparison: ScenarioComparison;
}

/** A comparison that cannot be made, in words a planner can act on. */
export class ComparisonProblem extends Error {
  override name = 'ComparisonProblem';
}

/** The dataset id a stored scenario names (`dataset: { id }`), or null. */
export function datasetIdOf(record: ScenarioRecord): string | null {
  const ref = record.scenario.dataset;
  if (typeof ref !== 'object' || ref === null) return null;
  const id = (ref as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : null;
}

export function nameOf(record: ScenarioRecord): string {
  const name = record.scenario.name;
  return typeof name === 'string' && name !== '' ? name : record.id;
}

/**
 * Reads the scenarios, checks they share one dataset, loads it once, runs every scenario
 * (the pool runs them side by side) and compares the runs with @tessera/scenarios'
 * compareRuns, the function behind the API's POST /api/comparisons.
 */
export async function loadComparison(
  ids: readonly string[],
  deps: ComparisonDeps,
  options: { signal: AbortSignal; onStep?: (step: ComparisonStep) => void },
): Promise<LoadedComparison> {
  const { signal, onStep = () => {} } = options;
  onStep({ kind: 'scenarios' });
  const records = await Promise.all(ids.map((id) => deps.getScenario(id, signal)));
  const names = records.map(nameOf);
  const datasets = records.map(datasetIdOf);
  const datasetId = datasets[0];
  if (!datasetId) throw new ComparisonProblem(`Scenario "${names[0]!}" names no dataset.`);
  const other = datasets.findIndex((d) => d !== datasetId);
  if (other >= 0) {
    throw new ComparisonProblem(
      `"${names[other]!}" is on another dataset than "${names[0]!}": a comparison takes scenarios of one dataset. Remove one of them.`,
    );
  }
  onStep({ kind: 'dataset', datasetId });
  const data = await deps.loadDataset(datasetId, signal);
  const runs = await Promise.all(
    records.map((record, index) => {
      const { dataset: _ref, ...scenario } = record.scenario;
      return deps.run(datasetId, data, record, scenario, {
        signal,
        onProgress: (p) => {
          onStep({ kind: 'run', index, fraction: p.fraction, message: p.message });
        },
      });
    }),
  );
  onStep({ kind: 'compare' });
  return { datasetId, records, names, runs, comparison: compareRuns(runs) };
}
