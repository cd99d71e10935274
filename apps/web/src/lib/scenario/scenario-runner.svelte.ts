import {
  datasetFromData,
  toScenarioRun,
  type RunProgress,
  type ScenarioRun,
} from '@tessera/scenarios';
import { TRPCClientError } from '@trpc/client';
import { describeError } from '../api/errors.ts';
import { RestError } from '../api/rest.ts';
import { loadDataset } from '../data/load-dataset.ts';
import { shapesInWorker, type TerritoryCollection } from '../map/territory-shapes.ts';
import { runInWorker } from '../worker/planner-pool.ts';

/** Where a run is; pages expose it as `data-run-state` for tests and assistive tech. */
export type RunState = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

/** What a finished run gives the results view: the run over the page's copy of the dataset. */
export interface RunResult {
  run: ScenarioRun;
  datasetId: string;
  /** The scenario as it was run (the draft may have changed since). */
  scenario: Record<string, unknown>;
  /**
   * The plan's territory shapes, drawn in a worker after the run: what the map shows and
   * territories.geojson holds. Rejects when a newer run made them moot.
   */
  shapes: Promise<TerritoryCollection>;
}

/** Runs the page's scenario in the worker pool, one at a time, with progress and Cancel. */
export class ScenarioRunner {
  state = $state<RunState>('idle');
  progress = $state<RunProgress | null>(null);
  result = $state.raw<RunResult | null>(null);
  problem = $state<string | null>(null);
  #controller: AbortController | null = null;
  // Shapes outlive their run (they are drawn after it): stopped by the next run, not by Cancel.
  #shapesController: AbortController | null = null;
  #nextRun = 0;

  get running(): boolean {
    return this.state === 'running';
  }

  async run(datasetId: string, scenario: Record<string, unknown>): Promise<void> {
    this.#controller?.abort();
    this.#shapesController?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const runId = ++this.#nextRun;
    const current = () => runId === this.#nextRun;
    this.state = 'running';
    this.progress = { stage: 'edits', fraction: 0, message: 'Loading the dataset' };
    this.problem = null;
    try {
      const outcome = await runInWorker(datasetId, scenario, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (current()) this.progress = progress;
        },
      });
      // The worker sends back the plan and metrics; the edited tables the map and exports
      // read are rebuilt here from the page's copy (applying edits is cheap and deterministic).
      const { data } = await loadDataset(datasetId, { signal: controller.signal });
      if (!current()) return;
      const run = toScenarioRun(datasetFromData(data), scenario, outcome);
      const shapesController = new AbortController();
      this.#shapesController = shapesController;
      const shapes = shapesInWorker(run, { signal: shapesController.signal });
      // Whoever shows the result waits on the shapes; a superseded run's are nobody's concern.
      shapes.catch(() => undefined);
      this.result = { run, datasetId, scenario, shapes };
      this.state = 'done';
    } catch (error) {
      if (!current()) return;
      if (controller.signal.aborted) {
        this.state = 'cancelled';
        return;
      }
      this.problem = runProblem(error);
      this.state = 'failed';
    } finally {
      if (current()) this.#controller = null;
    }
  }

  cancel(): void {
    this.#controller?.abort();
  }
}

/**
 * A failed run in words: the dataset's download failing is the server's problem (said the API
 * way); anything from the worker is the scenario package's own message (`scenario "x": …`).
 */
function runProblem(error: unknown): string {
  if (error instanceof RestError || error instanceof TRPCClientError) {
    return describeError(error).message;
  }
  return error instanceof Error ? error.message : String(error);
}
