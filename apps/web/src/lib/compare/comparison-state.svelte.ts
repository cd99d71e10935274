import type { ScenarioComparison, ScenarioRun } from '@tessera/scenarios';
import { describeError } from '../api/errors.ts';
import {
  ComparisonProblem,
  loadComparison,
  type ComparisonDeps,
  type ComparisonStep,
  type ScenarioRecord,
} from './load-comparison.ts';

export type ComparisonPhase = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * One comparison on the page: reads, loads, runs and compares the scenarios of the URL, with
 * each run's progress; a newer selection cancels the one before, whose late answers are dropped.
 */
export class ComparisonState {
  phase = $state<ComparisonPhase>('idle');
  /** What is happening, in words, while loading. */
  status = $state('');
  /** Each scenario's run progress, 0 to 1. */
  progress = $state<number[]>([]);
  records = $state.raw<ScenarioRecord[]>([]);
  names = $state.raw<string[]>([]);
  runs = $state.raw<ScenarioRun[]>([]);
  comparison = $state.raw<ScenarioComparison | null>(null);
  datasetId = $state<string | null>(null);
  problem = $state<string | null>(null);
  #controller: AbortController | null = null;
  readonly #deps: ComparisonDeps;

  constructor(deps: ComparisonDeps) {
    this.#deps = deps;
  }

  async load(ids: readonly string[]): Promise<void> {
    this.cancel();
    const controller = new AbortController();
    this.#controller = controller;
    this.phase = 'loading';
    this.problem = null;
    this.comparison = null;
    this.runs = [];
    this.progress = ids.map(() => 0);
    this.status = 'Reading the scenarios…';
    try {
      const loaded = await loadComparison(ids, this.#deps, {
        signal: controller.signal,
        onStep: (step) => {
          if (!controller.signal.aborted) this.#step(step, ids.length);
        },
      });
      if (controller.signal.aborted) return;
      // For benches: when the comparison was ready, apart from when the maps drew it.
      performance.mark('tessera:comparison-ready');
      this.records = loaded.records;
      this.names = loaded.names;
      this.runs = loaded.runs;
      this.datasetId = loaded.datasetId;
      this.comparison = loaded.comparison;
      this.phase = 'ready';
      this.status = '';
    } catch (error) {
      if (controller.signal.aborted) return;
      this.problem =
        error instanceof ComparisonProblem ? error.message : describeError(error).message;
      this.phase = 'failed';
    }
  }

  /** A scenario's record after it was saved (adopted) elsewhere on the page. */
  replaceRecord(record: ScenarioRecord): void {
    this.records = this.records.map((r) => (r.id === record.id ? record : r));
  }

  cancel(): void {
    this.#controller?.abort();
    this.#controller = null;
    if (this.phase === 'loading') this.phase = 'idle';
  }

  #step(step: ComparisonStep, count: number): void {
    switch (step.kind) {
      case 'scenarios':
        this.status = 'Reading the scenarios…';
        break;
      case 'dataset':
        this.status = 'Loading the dataset…';
        break;
      case 'run': {
        const next = [...this.progress];
        next[step.index] = step.fraction;
        this.progress = next;
        this.status = `Running ${String(count)} scenarios in the background…`;
        break;
      }
      case 'compare':
        this.status = 'Comparing…';
        break;
    }
  }
}
