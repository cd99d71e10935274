import { definePlugin, Plan, PluginRegistry, TesseraError } from '@tessera/core';
import { builtinPlugins } from '@tessera/plugins';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../schema/scenario-schema.js';
import { twoCities } from '../testing/two-cities.js';
import { runScenario, runScenarioOutcome, toScenarioRun } from './run-scenario.js';
import type { RunProgress } from './types.js';

const scenario = (over: Partial<ScenarioInput> = {}): ScenarioInput => ({
  version: 1,
  name: 'test',
  strategy: { id: 'geographic', params: { tolerance: 0.1 } },
  seed: 7,
  ...over,
});

/** The rep of each account, by account id. */
function owners(run: Awaited<ReturnType<typeof runScenario>>): Map<string, string | null> {
  const repOf = run.plan.repOf(run.edited.reps);
  const out = new Map<string, string | null>();
  for (let i = 0; i < repOf.length; i++) {
    out.set(
      run.edited.accounts.id.get(i),
      repOf[i]! < 0 ? null : run.edited.reps.id.get(repOf[i]!),
    );
  }
  return out;
}

describe('runScenario', () => {
  it('gives the same plan for the same dataset, scenario and seed', async () => {
    const a = await runScenario(twoCities(), scenario());
    const b = await runScenario(twoCities(), scenario());
    expect(b.plan.territoryOf).toEqual(a.plan.territoryOf);
    expect(b.plan.territories).toEqual(a.plan.territories);
    expect(b.metrics).toEqual(a.metrics);
  });

  it('returns metrics, a territory table, warnings and timings', async () => {
    const run = await runScenario(twoCities(), scenario());
    expect(run.territories).toHaveLength(4);
    const total = run.territories.reduce((sum, t) => sum + t.accounts, 0);
    expect(total).toBe(60);
    expect(run.territories[0]!.repName).toMatch(/^Rep /);
    expect(run.metrics.coverage.unassigned).toBe(0);
    expect(run.timings.totalMs).toBeGreaterThanOrEqual(run.timings.strategyMs);
    // The reps hold one industry skill each: most accounts are served without their skill.
    expect(run.warnings.some((w) => w.includes('without a skill they need'))).toBe(true);
  });

  it('re-homes the accounts of a removed rep: the rep owns nothing', async () => {
    const run = await runScenario(
      twoCities(),
      scenario({ edits: [{ type: 'remove-rep', rep: 'ny2' }] }),
    );
    expect([...owners(run).values()]).not.toContain('ny2');
    expect(run.plan.territories.map((t) => t.repId)).not.toContain('ny2');
    expect(run.metrics.coverage.unassigned).toBe(0);
  });

  it('keeps locked accounts with their owner and reassigned ones with their new rep', async () => {
    const run = await runScenario(
      twoCities(),
      scenario({
        edits: [
          { type: 'lock', accounts: { ids: ['e00', 'e01'] } },
          { type: 'reassign', accounts: { ids: ['m05', 'm06'] }, to: 'ny1' },
        ],
      }),
    );
    const rep = owners(run);
    expect(rep.get('e00')).toBe('ny1');
    expect(rep.get('e01')).toBe('ny2');
    expect(rep.get('m05')).toBe('ny1');
    expect(rep.get('m06')).toBe('ny1');
  });

  it('follows potential: tripling one region pulls territories into it', async () => {
    const eastTerritories = (run: Awaited<ReturnType<typeof runScenario>>): number => {
      const east = new Float64Array(run.plan.territories.length);
      const all = new Float64Array(run.plan.territories.length);
      for (let i = 0; i < run.plan.territoryOf.length; i++) {
        const t = run.plan.territoryOf[i]!;
        all[t]!++;
        if (run.edited.accounts.region.get(i) === 'East') east[t]!++;
      }
      return [...east].filter((e, t) => e > all[t]! / 2).length;
    };
    // Free centres: the what-if of a hiring plan, where territories go where the potential is.
    const params = { balanceOn: 'potential', tolerance: 0.15, centers: 'free' };
    const before = await runScenario(
      twoCities(),
      scenario({ strategy: { id: 'geographic', params } }),
    );
    const after = await runScenario(
      twoCities(),
      scenario({
        strategy: { id: 'geographic', params },
        edits: [
          {
            type: 'scale',
            measure: 'potential',
            factor: 3,
            accounts: { filter: 'region = "East"' },
          },
        ],
      }),
    );
    expect(eastTerritories(before)).toBe(2);
    expect(eastTerritories(after)).toBe(3);
  });

  it('reports progress that never goes back and ends at 1', async () => {
    const events: RunProgress[] = [];
    await runScenario(twoCities(), scenario(), { onProgress: (p) => events.push(p) });
    const fractions = events.map((e) => e.fraction);
    expect(fractions).toEqual([...fractions].sort((x, y) => x - y));
    expect(fractions.at(-1)).toBe(1);
    expect(new Set(events.map((e) => e.stage))).toEqual(new Set(['edits', 'strategy', 'metrics']));
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('planner cancelled'));
    await expect(
      runScenario(twoCities(), scenario(), { signal: controller.signal }),
    ).rejects.toThrow('planner cancelled');
  });

  it('names the scenario and the first bad field', async () => {
    await expect(
      runScenario(twoCities(), scenario({ strategy: { id: 'geographic', params: { k: 0 } } })),
    ).rejects.toThrow(/scenario "test": strategy.params.k: /);
    await expect(
      runScenario(twoCities(), scenario({ strategy: { id: 'magic', params: {} } })),
    ).rejects.toThrow('scenario "test": strategy.id: unknown strategy "magic" (known: ');
    await expect(runScenario(twoCities(), { version: 2, name: 'x' })).rejects.toThrow(
      'scenario "x": version: only scenario version 1 is known',
    );
  });

  it('fails a run whose strategy breaks a reassignment, naming the strategy', async () => {
    const careless = definePlugin({
      id: 'careless',
      name: 'Careless',
      version: '1.0.0',
      description: 'puts everything with the first rep',
      params: z.object({}),
      segment: ({ accounts, reps }) => ({
        plan: Plan.fromRepAssignment(reps, new Int32Array(accounts.length)),
      }),
    });
    const registry = new PluginRegistry([...builtinPlugins, careless]);
    const run = runScenario(
      twoCities(),
      scenario({
        strategy: { id: 'careless', params: {} },
        edits: [{ type: 'reassign', accounts: { ids: ['m00'] }, to: 'chi1' }],
      }),
      { registry },
    );
    await expect(run).rejects.toThrow(TesseraError);
    await expect(run).rejects.toThrow(
      'strategy "careless" returned an invalid plan: locked account "m00" left its owner "chi1"',
    );
  });

  it('rebuilds a run from its outcome on the caller side', async () => {
    const input = scenario({
      edits: [{ type: 'remove-accounts', accounts: { filter: 'industry = "retail"' } }],
    });
    const dataset = twoCities();
    const outcome = await runScenarioOutcome(dataset, input);
    const run = toScenarioRun(dataset, input, outcome);
    expect(run.edited.accounts.length).toBe(40);
    expect(run.plan.territoryOf).toEqual(outcome.plan.territoryOf);
    expect(run.scenario.name).toBe('test');
  });
});
