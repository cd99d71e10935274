import { Plan, type PlanData } from '@tessera/core';
import {
  applyEdits,
  datasetFromData,
  parseScenario,
  simulateRevenue,
  type DatasetData,
  type SimulationOptions,
  type SimulationResult,
} from '@tessera/scenarios';

/** What the simulation worker exposes: one call, a run's plan simulated on its edited dataset. */
export interface SimulationApi {
  simulate(
    data: DatasetData,
    scenario: unknown,
    plan: PlanData,
    options?: SimulationOptions,
  ): SimulationResult;
}

/**
 * The simulation worker's API, usable in-thread in tests. The scenario's edits are applied
 * again (cheap, deterministic) so the plan indexes the same accounts as in the run.
 */
export function createSimulationApi(): SimulationApi {
  return {
    simulate(data, scenario, plan, options) {
      const edited = applyEdits(datasetFromData(data), parseScenario(scenario));
      return simulateRevenue(edited.accounts, edited.reps, Plan.fromData(plan), options);
    },
  };
}
