import type { SimulationResult } from '@tessera/scenarios';
import { registerErrorTransfer } from '@tessera/scenarios/worker';
import { wrap, type Remote } from 'comlink';
import { loadDataset } from '../../data/load-dataset.ts';
import type { RunResult } from '../scenario-runner.svelte.ts';
import type { SimulationApi } from './simulation-api.ts';
import { startSimulationWorker } from './start-simulation-worker.ts';

/** The revenue simulation of a finished run, in its own worker, on request. */
export class RevenueSimulation {
  state = $state<'idle' | 'running' | 'done' | 'failed'>('idle');
  result = $state.raw<SimulationResult | null>(null);
  problem = $state<string | null>(null);
  #worker: Worker | null = null;
  #remote: Remote<SimulationApi> | null = null;
  #request = 0;

  async simulate(run: RunResult, draws: number): Promise<void> {
    const request = ++this.#request;
    this.state = 'running';
    this.problem = null;
    try {
      const { data } = await loadDataset(run.datasetId);
      const remote = this.#api();
      const plan = run.run.plan.toData();
      const result = await remote.simulate(data, run.scenario, plan, {
        draws,
        seed: run.run.scenario.seed,
      });
      if (request !== this.#request) return;
      this.result = result;
      this.state = 'done';
    } catch (error) {
      if (request !== this.#request) return;
      this.problem = error instanceof Error ? error.message : String(error);
      this.state = 'failed';
    }
  }

  /** Stops the worker (and any simulation in it). */
  dispose(): void {
    this.#request++;
    this.#worker?.terminate();
    this.#worker = null;
    this.#remote = null;
  }

  #api(): Remote<SimulationApi> {
    if (!this.#remote) {
      registerErrorTransfer();
      this.#worker = startSimulationWorker();
      this.#remote = wrap<SimulationApi>(this.#worker);
    }
    return this.#remote;
  }
}
