import { describeError } from '#lib/api/errors.ts';
import { loadDataset } from '#lib/data/load-dataset.ts';
import { datasetMap, type DatasetMap } from '#lib/map/dataset-map.ts';

/**
 * A dataset's columns on their way to the map: progress while they stream in, then the map's
 * view of them. A newer `load` (another dataset) aborts the one before, and a late answer
 * from the old one is dropped.
 */
export class DatasetColumns {
  loaded = $state(0);
  total = $state(0);
  map = $state.raw<DatasetMap | null>(null);
  problem = $state<string | null>(null);
  #controller: AbortController | null = null;

  async load(id: string): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.loaded = 0;
    this.total = 0;
    this.map = null;
    this.problem = null;
    try {
      const { data } = await loadDataset(id, {
        signal: controller.signal,
        onProgress: (loaded, total) => {
          if (controller.signal.aborted) return;
          this.loaded = loaded;
          this.total = total;
        },
      });
      if (!controller.signal.aborted) this.map = datasetMap(data);
    } catch (cause) {
      if (!controller.signal.aborted) this.problem = describeError(cause).message;
    }
  }

  cancel(): void {
    this.#controller?.abort();
    this.#controller = null;
  }
}
