import { datasetFromData, toScenarioRun, type RunStage } from '@tessera/scenarios';
import { describeError } from '../api/errors.ts';
import { loadDataset } from '../data/load-dataset.ts';
import { yieldToPage } from '../data/yield-to-page.ts';
import { shapesInWorker } from '../map/territory-shapes.ts';
import { runInWorker } from './planner-pool.ts';

export type CheckState = 'idle' | 'loading' | 'running' | 'done' | 'failed' | 'cancelled';

/** What one check measured. */
export interface CheckResult {
  accounts: number;
  reps: number;
  /** From the request to core's table data in this page, in ms. */
  loadMs: number;
  /** From asking the pool to the outcome in this page (the dataset's first trip to a worker included). */
  runMs: number;
  /** The run as the worker timed it. */
  workerMs: number;
  /** From the outcome to the territory shapes in this page (drawn in the shapes worker). */
  shapesMs: number;
  /** Of which the run rebuilt over the page's tables (`toScenarioRun`), on the page's thread. */
  rebuildMs: number;
  /** Territories with a shape. */
  shapes: number;
  /** Accounts the plan has a place for, and those it left without a territory. */
  planAccounts: number;
  unassigned: number;
  territories: number;
}

/** The scenario the check runs: the geographic strategy with its defaults. */
export const CHECK_SCENARIO = {
  version: 1,
  name: 'Browser check: geographic',
  strategy: { id: 'geographic' },
  seed: 1,
} as const;

/**
 * "Can this browser plan this dataset?": loads a dataset into the page (binary columns decoded
 * in a worker), runs a geographic scenario in the scenario worker and draws its territory
 * shapes in the shapes worker, timing each and
 * watching the main thread for long tasks (over 50 ms) while it does.
 */
export class WorkerCheck {
  state = $state<CheckState>('idle');
  loaded = $state(0);
  total = $state(0);
  runFraction = $state(0);
  runStage = $state<RunStage | null>(null);
  result = $state.raw<CheckResult | null>(null);
  problem = $state<string | null>(null);
  /** Main-thread tasks over 50 ms seen during the check, and the longest one. */
  longTasks = $state(0);
  longestTaskMs = $state(0);
  /** The longest of them while the dataset loaded, and once the run had started. */
  longestLoadTaskMs = $state(0);
  longestRunTaskMs = $state(0);
  /** The longest of them once the outcome was in: the run rebuilt here and its shapes drawn. */
  longestShapesTaskMs = $state(0);
  #controller: AbortController | null = null;
  /** When the run started (`performance.now()`); tasks starting later are the run's. */
  #runStart = Number.POSITIVE_INFINITY;
  #shapesStart = Number.POSITIVE_INFINITY;

  async run(datasetId: string): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const { signal } = controller;
    // Read through a call: the flag changes across the awaits below.
    const stopped = (): boolean => signal.aborted;
    this.state = 'loading';
    this.loaded = 0;
    this.total = 0;
    this.runFraction = 0;
    this.runStage = null;
    this.result = null;
    this.problem = null;
    this.longTasks = 0;
    this.longestTaskMs = 0;
    this.longestLoadTaskMs = 0;
    this.longestRunTaskMs = 0;
    this.longestShapesTaskMs = 0;
    this.#runStart = Number.POSITIVE_INFINITY;
    this.#shapesStart = Number.POSITIVE_INFINITY;
    const stopWatching = this.#watchLongTasks();
    try {
      const loadStart = performance.now();
      const { data } = await loadDataset(datasetId, {
        signal,
        onProgress: (loaded, total) => {
          if (stopped()) return;
          this.loaded = loaded;
          this.total = total;
        },
      });
      const loadMs = performance.now() - loadStart;
      if (stopped()) return;
      this.state = 'running';
      const runStart = performance.now();
      this.#runStart = runStart;
      const outcome = await runInWorker(datasetId, CHECK_SCENARIO, {
        signal,
        onProgress: (progress) => {
          if (stopped()) return;
          this.runFraction = progress.fraction;
          this.runStage = progress.stage;
        },
      });
      const runMs = performance.now() - runStart;
      if (stopped()) return;
      // What the planner does next, in tasks of their own so their long tasks are told apart:
      // the run over the page's tables, then its shapes off-thread.
      await yieldToPage();
      const shapesStart = performance.now();
      this.#shapesStart = shapesStart;
      const run = toScenarioRun(datasetFromData(data), CHECK_SCENARIO, outcome);
      const rebuildMs = performance.now() - shapesStart;
      await yieldToPage();
      const shapes = await shapesInWorker(run, { signal });
      const shapesMs = performance.now() - shapesStart;
      if (stopped()) return;
      let unassigned = 0;
      for (const territory of outcome.plan.territoryOf) if (territory < 0) unassigned++;
      this.result = {
        accounts: data.accounts.id.offsets.length - 1,
        reps: data.reps.id.offsets.length - 1,
        loadMs,
        runMs,
        workerMs: outcome.timings.totalMs,
        shapesMs,
        rebuildMs,
        shapes: shapes.features.length,
        planAccounts: outcome.plan.territoryOf.length,
        unassigned,
        territories: outcome.plan.territories.length,
      };
      // Tasks are reported after they end: let the last ones arrive before saying done.
      await new Promise((resolve) => setTimeout(resolve, 0));
      stopWatching();
      this.state = 'done';
    } catch (cause) {
      if (stopped()) {
        this.state = 'cancelled';
        return;
      }
      this.problem = describeError(cause).message;
      this.state = 'failed';
    } finally {
      stopWatching();
    }
  }

  cancel(): void {
    this.#controller?.abort();
    this.#controller = null;
    if (this.state === 'loading' || this.state === 'running') this.state = 'cancelled';
  }

  #watchLongTasks(): () => void {
    if (!PerformanceObserver.supportedEntryTypes.includes('longtask')) return () => {};
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        this.longTasks++;
        this.longestTaskMs = Math.max(this.longestTaskMs, entry.duration);
        if (entry.startTime >= this.#shapesStart) {
          this.longestShapesTaskMs = Math.max(this.longestShapesTaskMs, entry.duration);
        }
        if (entry.startTime >= this.#runStart) {
          this.longestRunTaskMs = Math.max(this.longestRunTaskMs, entry.duration);
        } else {
          this.longestLoadTaskMs = Math.max(this.longestLoadTaskMs, entry.duration);
        }
      }
    });
    observer.observe({ type: 'longtask' });
    let watching = true;
    return () => {
      if (watching) observer.disconnect();
      watching = false;
    };
  }
}
