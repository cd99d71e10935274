import { datasetFromData, toScenarioRun, type Dataset, type DatasetData } from '@tessera/scenarios';
import { trpc } from '../api/client.ts';
import { describeError } from '../api/errors.ts';
import { loadDataset } from '../data/load-dataset.ts';
import { runInWorker } from '../worker/planner-pool.ts';
import type { AdoptDeps } from './adopt-scenario.ts';
import type { ComparisonDeps } from './load-comparison.ts';

// The runs are rebuilt over the page's tables: one set per loaded dataset, shared by every run.
const tables = new WeakMap<DatasetData, Dataset>();

function datasetOf(data: DatasetData): Dataset {
  let dataset = tables.get(data);
  if (!dataset) {
    dataset = datasetFromData(data);
    tables.set(data, dataset);
  }
  return dataset;
}

/** A comparison in the page: the API for scenarios, the dataset loader, the worker pool. */
export const browserComparisonDeps: ComparisonDeps = {
  getScenario: (id, signal) => trpc.scenarios.get.query({ id }, { signal }),
  loadDataset: async (datasetId, signal) => (await loadDataset(datasetId, { signal })).data,
  run: async (datasetId, data, _record, scenario, { signal, onProgress }) => {
    const outcome = await runInWorker(datasetId, scenario, { signal, onProgress });
    // The worker sends the plan back; the edits are re-applied here (cheap, deterministic) so
    // the run refers to tables on this side, as compareRuns needs.
    return toScenarioRun(datasetOf(data), scenario, outcome);
  },
};

export const browserAdoptDeps: AdoptDeps = {
  listScenarios: () => trpc.scenarios.list.query(),
  getScenario: (id) => trpc.scenarios.get.query({ id }),
  updateScenario: (input) => trpc.scenarios.update.mutate(input),
  isConflict: (error) => describeError(error).code === 'CONFLICT',
};
