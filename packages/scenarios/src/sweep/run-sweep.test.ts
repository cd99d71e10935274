import { describe, expect, it } from 'vitest';
import { runScenarioOutcome } from '../run/run-scenario.js';
import { PluginRegistry } from '@tessera/core';
import {
  builtinPlugins,
  createBuiltinRegistry,
  createPipelinePlugin,
  territoryStrategies,
} from '@tessera/plugins';
import { parseScenario } from '../schema/scenario-schema.js';
import { twoCities } from '../testing/two-cities.js';
import { expandSweep } from './expand-sweep.js';
import { runSweep, type SweepRunner } from './run-sweep.js';
import { parseSweep } from './sweep-schema.js';

const base = {
  version: 1,
  name: 'base',
  strategy: { id: 'geographic', params: {} },
  seed: 3,
} as const;

describe('expandSweep', () => {
  it('makes every combination a strategy takes, once', () => {
    const registry = createBuiltinRegistry();
    const sweep = parseSweep({
      version: 1,
      scenario: base,
      grid: { strategy: ['geographic', 'nearest'], k: [3, 4], tolerance: [0.05, 0.2] },
    });
    const points = expandSweep(sweep, parseScenario(base), registry);
    expect(points.map((p) => p.name)).toEqual([
      'geographic k=3 tolerance=0.05',
      'geographic k=3 tolerance=0.2',
      'geographic k=4 tolerance=0.05',
      'geographic k=4 tolerance=0.2',
      'nearest',
    ]);
    expect(points[1]!.scenario.strategy).toEqual({
      id: 'geographic',
      params: { k: 3, tolerance: 0.2 },
    });
  });

  it('sends grid values to the final strategy of a pipeline', () => {
    const registry = createBuiltinRegistry();
    const sweep = parseSweep({
      version: 1,
      scenario: base,
      grid: { strategy: ['pipeline'], tolerance: [0.1] },
    });
    const [point] = expandSweep(sweep, parseScenario(base), registry);
    expect(point!.scenario.strategy.params).toEqual({
      territories: { params: { tolerance: 0.1 } },
    });
  });

  it('recognises a pipeline by its parameters, whatever its id', () => {
    const teamPipeline = { ...createPipelinePlugin(territoryStrategies), id: 'team-pipeline' };
    const registry = new PluginRegistry([...builtinPlugins, teamPipeline]);
    const sweep = parseSweep({
      version: 1,
      scenario: base,
      grid: { strategy: ['team-pipeline'], k: [3] },
    });
    const [point] = expandSweep(sweep, parseScenario(base), registry);
    expect(point!.scenario.strategy.params).toEqual({ territories: { params: { k: 3 } } });
  });

  it('names a bad grid', () => {
    expect(() => parseSweep({ version: 1, scenario: base, grid: { k: [] } })).toThrow(
      'sweep: grid.k: lists no value',
    );
    expect(() => parseSweep({ version: 1, scenario: base, grid: { k: [0] } })).toThrow(
      /sweep: grid.k\[0\]: /,
    );
    const registry = createBuiltinRegistry();
    expect(() =>
      expandSweep(
        parseSweep({ version: 1, scenario: base, grid: { strategy: ['magic'] } }),
        parseScenario(base),
        registry,
      ),
    ).toThrow('sweep: grid.strategy: unknown strategy "magic"');
  });
});

describe('runSweep', () => {
  it('returns a row per run and marks the non-dominated ones', async () => {
    const result = await runSweep(twoCities(), {
      version: 1,
      scenario: base,
      grid: { strategy: ['geographic', 'nearest'], continuityWeight: [0, 5] },
    });
    expect(result.rows).toHaveLength(3);
    expect(result.rows.every((row) => row.error === null)).toBe(true);
    expect(result.nonDominated.length).toBeGreaterThan(0);
    for (const [i, row] of result.rows.entries()) {
      expect(row.nonDominated).toBe(result.nonDominated.includes(i));
    }
    // Keeping owners costs nothing in disruption terms against ignoring them.
    const [free, sticky] = result.rows;
    expect(sticky!.disruption!).toBeLessThanOrEqual(free!.disruption!);
  });

  it('keeps going when a run fails, reporting its error', async () => {
    const dataset = twoCities();
    const runner: SweepRunner = async (scenario, options) => {
      if (scenario.strategy.params.k === 2) throw new Error('worker lost');
      return runScenarioOutcome(dataset, scenario, options);
    };
    const result = await runSweep(
      dataset,
      { version: 1, scenario: base, grid: { k: [2, 3, 4] } },
      { runner },
    );
    expect(result.rows.map((r) => r.error)).toEqual(['worker lost', null, null]);
    expect(result.nonDominated).not.toContain(0);
  });

  it('reads the base scenario the host passes for a path', async () => {
    await expect(
      runSweep(twoCities(), { version: 1, scenario: 'base.json', grid: {} }),
    ).rejects.toThrow('sweep: scenario "base.json" is a path');
    const result = await runSweep(
      twoCities(),
      { version: 1, scenario: 'base.json', grid: {} },
      { baseScenario: base },
    );
    expect(result.rows).toHaveLength(1);
  });

  it('carries each run’s warnings and says when an axis changed nothing', async () => {
    // One locked account per rep: every rep must lead a territory, whatever k asks for.
    const locked = {
      ...base,
      edits: [{ type: 'lock', accounts: { ids: ['e00', 'e01', 'm00', 'm01'] } }],
    };
    const result = await runSweep(twoCities(), {
      version: 1,
      scenario: locked,
      grid: { k: [2, 3], tolerance: [0.05, 0.5] },
    });
    expect(result.rows.map((r) => r.error)).toEqual([null, null, null, null]);
    expect(result.rows[0]!.warnings).toContain(
      'k raised from 2 to 4: that many reps hold locked accounts and each must lead a territory',
    );
    expect(result.rows[2]!.warnings).toContain(
      'k raised from 3 to 4: that many reps hold locked accounts and each must lead a territory',
    );
    // k=3 gave the plans of k=2, tolerance by tolerance.
    expect(result.rows.map((r) => r.samePlanAs)).toEqual([null, null, 0, 1]);
    expect(result.warnings).toContainEqual(
      'k: every value gave the same plan as k=2 at each tolerance, so this axis changed nothing (the runs warn: "k raised from 2 to 4: that many reps hold locked accounts and each must lead a territory")',
    );
  });

  it('reports each run’s own time, not its wait for a worker', async () => {
    const dataset = twoCities();
    const runner: SweepRunner = async (scenario, options) => {
      // As a pool would: the run starts later than it was queued, and measures itself.
      await new Promise((resolve) => setTimeout(resolve, 5));
      options.onStart();
      const outcome = await runScenarioOutcome(dataset, scenario, options);
      return { ...outcome, timings: { ...outcome.timings, totalMs: 42 } };
    };
    const result = await runSweep(
      dataset,
      { version: 1, scenario: base, grid: { k: [2, 3] } },
      { runner },
    );
    expect(result.rows.map((r) => r.ms)).toEqual([42, 42]);
  });
});
