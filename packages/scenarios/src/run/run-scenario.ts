import {
  baselinePlan,
  computeMetrics,
  planBlocks,
  Plan,
  runStrategy,
  type PlanMetrics,
} from '@tessera/core';
import { createBuiltinRegistry } from '@tessera/plugins';
import type { Dataset } from '../dataset/dataset.js';
import { applyEdits } from '../edits/apply-edits.js';
import type { EditedDataset } from '../edits/edited-dataset.js';
import { parseScenario, type Scenario } from '../schema/scenario-schema.js';
import { territoryRows } from './territory-rows.js';
import type { RunOptions, RunStage, ScenarioOutcome, TerritoryRow } from './types.js';
import { unmatchedSkills, unmatchedSkillsWarning } from './unmatched-skills.js';

/** A finished run with the tables its plan refers to. */
export interface ScenarioRun {
  scenario: Scenario;
  /** The dataset after the scenario's edits: the plan indexes its accounts. */
  edited: EditedDataset;
  plan: Plan;
  metrics: PlanMetrics;
  territories: TerritoryRow[];
  warnings: string[];
  infeasible: ScenarioOutcome['infeasible'];
  timings: ScenarioOutcome['timings'];
}

// Share of a run's progress bar each stage takes: the strategy dominates.
const STAGE_SPAN: Record<RunStage, [number, number]> = {
  edits: [0, 0.05],
  strategy: [0.05, 0.95],
  metrics: [0.95, 1],
};

/**
 * Runs a scenario in this thread: validates it, applies its edits to a copy of the dataset,
 * runs its strategy (core checks the plan, locks and reassignments included), measures the
 * plan. Same dataset, scenario and seed → the same plan, byte for byte.
 */
export async function runScenario(
  dataset: Dataset,
  scenario: unknown,
  options: RunOptions = {},
): Promise<ScenarioRun> {
  return execute(dataset, scenario, options);
}

/** {@link runScenario} as plain data: what a worker sends back (the plan's array transfers). */
export async function runScenarioOutcome(
  dataset: Dataset,
  scenario: unknown,
  options: RunOptions = {},
): Promise<ScenarioOutcome> {
  return toOutcome(await execute(dataset, scenario, options));
}

/**
 * A worker's outcome joined with the tables it refers to, re-applying the edits on the
 * caller's side: cheap (no strategy), deterministic, and it shares the caller's columns
 * instead of copying a worker's tables back.
 */
export function toScenarioRun(
  dataset: Dataset,
  scenario: unknown,
  outcome: ScenarioOutcome,
): ScenarioRun {
  const parsed = parseScenario(scenario);
  const edited = applyEdits(dataset, parsed);
  return {
    scenario: parsed,
    edited,
    plan: Plan.fromData(outcome.plan),
    metrics: outcome.metrics,
    territories: outcome.territories,
    warnings: outcome.warnings,
    infeasible: outcome.infeasible,
    timings: outcome.timings,
  };
}

export function toOutcome(run: ScenarioRun): ScenarioOutcome {
  return {
    name: run.scenario.name,
    plan: run.plan.toData(),
    metrics: run.metrics,
    territories: run.territories,
    warnings: run.warnings,
    infeasible: run.infeasible,
    timings: run.timings,
  };
}

async function execute(
  dataset: Dataset,
  input: unknown,
  options: RunOptions,
): Promise<ScenarioRun> {
  const registry = options.registry ?? createBuiltinRegistry();
  const signal = options.signal ?? new AbortController().signal;
  let reported = 0;
  const progress = (stage: RunStage, fraction: number, message?: string): void => {
    const [from, to] = STAGE_SPAN[stage];
    const overall = Math.max(reported, from + (to - from) * Math.min(1, Math.max(0, fraction)));
    reported = overall;
    options.onProgress?.({ stage, fraction: overall, message });
  };

  const start = performance.now();
  signal.throwIfAborted();
  const scenario = parseScenario(input, { registry });
  progress('edits', 0, 'applying edits');
  const edited = applyEdits(dataset, scenario);
  const editsDone = performance.now();
  signal.throwIfAborted();

  const plugin = registry.get(scenario.strategy.id);
  const result = await runStrategy(
    plugin,
    {
      accounts: edited.strategyAccounts,
      reps: edited.reps,
      baseline: baselinePlan(edited.strategyAccounts, edited.reps),
      locks: edited.accounts.locked,
      seed: scenario.seed,
      blocks: dataset.blocks ?? null,
      signal,
      onProgress: (fraction, message) => {
        progress('strategy', fraction, message);
      },
    },
    scenario.strategy.params,
  );
  const strategyDone = performance.now();

  progress('metrics', 0, 'measuring the plan');
  const blocks = await planBlocks(
    edited.accounts,
    scenario.strategy.params.units,
    dataset.blocks ?? null,
  );
  const metrics = computeMetrics(edited.accounts, edited.reps, result.plan, {
    seed: scenario.seed,
    blocks,
  });
  const territories = territoryRows(edited.accounts, edited.reps, result.plan, metrics);
  const warnings = [...edited.warnings, ...(result.warnings ?? [])];
  const unmatched = unmatchedSkills(edited.accounts, edited.reps, result.plan);
  if (unmatched.accounts > 0) warnings.push(unmatchedSkillsWarning(unmatched));
  if (result.infeasible) warnings.push(`infeasible: ${result.infeasible.reason}`);
  const end = performance.now();
  progress('metrics', 1);

  return {
    scenario,
    edited,
    plan: result.plan,
    metrics,
    territories,
    warnings,
    infeasible: result.infeasible ?? null,
    timings: {
      editsMs: editsDone - start,
      strategyMs: strategyDone - editsDone,
      metricsMs: end - strategyDone,
      totalMs: end - start,
    },
  };
}
