import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Plan } from '../plan/plan.js';
import { AccountTable } from '../table/account-table.js';
import { RepTable } from '../table/rep-table.js';
import { definePlugin, type SegmentResult } from './contract.js';
import { runStrategy } from './run-strategy.js';

const accounts = AccountTable.fromRows([
  { id: 'a1', owner: 'r1', locked: true },
  { id: 'a2', owner: 'r2' },
  { id: 'a3', owner: 'gone' },
]);
const reps = RepTable.fromRows([{ id: 'r1' }, { id: 'r2' }]);

/** A plugin that returns whatever the test hands it. */
const returning = (result: () => unknown) =>
  definePlugin({
    id: 'fixed',
    name: 'Fixed',
    version: '1.0.0',
    description: 'returns a fixed result',
    params: z.object({ k: z.number().int().min(1).default(1) }),
    segment: () => result() as SegmentResult,
  });

const assign = (repOf: number[]) => Plan.fromRepAssignment(reps, Int32Array.from(repOf));

describe('runStrategy', () => {
  it('passes validated parameters with defaults and a baseline from the owners', async () => {
    let seen: unknown;
    let baseline: Int32Array | undefined;
    const plugin = definePlugin({
      ...returning(() => ({ plan: assign([0, 1, -1]) })),
      segment: (ctx, params) => {
        seen = params;
        baseline = ctx.baseline.territoryOf;
        return { plan: assign([0, 1, -1]) };
      },
    });
    await runStrategy(plugin, { accounts, reps });
    expect(seen).toEqual({ k: 1 });
    expect(Array.from(baseline!)).toEqual([0, 1, -1]);
  });

  it('rejects bad parameters naming the plugin and the parameter', async () => {
    await expect(
      runStrategy(
        returning(() => null),
        { accounts, reps },
        { k: 0 },
      ),
    ).rejects.toThrow('strategy "fixed": parameter "k": must be at least 1, got 0');
  });

  it('names an unknown parameter with the one it most likely meant', async () => {
    const plugin = definePlugin({
      id: 'fixed',
      name: 'Fixed',
      version: '1.0.0',
      description: 'takes a tolerance',
      params: z.object({ tolerance: z.number().default(0) }).strict(),
      segment: () => ({ plan: assign([0, 1, -1]) }),
    });
    await expect(runStrategy(plugin, { accounts, reps }, { tolerence: 0.1 })).rejects.toThrow(
      'strategy "fixed": parameters: unknown key "tolerence" (did you mean "tolerance"?)',
    );
  });

  it.each([
    ['no plan', () => ({}), 'the result has no Plan'],
    [
      'wrong length',
      () => ({ plan: Plan.fromRepAssignment(reps, Int32Array.from([0])) }),
      'the plan covers 1 accounts, the table has 3',
    ],
    [
      'unknown territory',
      () => ({ plan: assign([0, 5, 0]) }),
      'account "a2" is in territory #5, which does not exist',
    ],
    [
      'unknown rep',
      () => ({ plan: new Plan(Int32Array.from([0, 0, 0]), [{ id: 'T', name: 'T', repId: 'r9' }]) }),
      'territory "T" names unknown rep "r9"',
    ],
    [
      'duplicate territory',
      () => ({
        plan: new Plan(Int32Array.from([0, 1, 1]), [
          { id: 'T', name: '', repId: 'r1' },
          { id: 'T', name: '', repId: 'r2' },
        ]),
      }),
      'territory id "T" is used twice',
    ],
    [
      'rep leading two',
      () => ({
        plan: new Plan(Int32Array.from([0, 1, 1]), [
          { id: 'A', name: '', repId: 'r1' },
          { id: 'B', name: '', repId: 'r1' },
        ]),
      }),
      'rep "r1" leads both territory "A" and "B"',
    ],
    ['lock broken', () => ({ plan: assign([1, 1, 1]) }), 'locked account "a1" left its owner "r1"'],
  ])(
    'rejects an invalid result (%s) naming the plugin and the first fault',
    async (_, result, fault) => {
      await expect(runStrategy(returning(result), { accounts, reps })).rejects.toThrow(
        `strategy "fixed" returned an invalid plan: ${fault}`,
      );
    },
  );

  it('lets a lock on an account whose owner left go unhonoured', async () => {
    const orphan = AccountTable.fromRows([{ id: 'x', owner: 'gone', locked: true }]);
    const plan = Plan.fromRepAssignment(reps, Int32Array.from([1]));
    await expect(
      runStrategy(
        returning(() => ({ plan })),
        { accounts: orphan, reps },
      ),
    ).resolves.toMatchObject({ plan });
  });

  it('clamps progress into a monotone sequence that ends at 1', async () => {
    const plugin = definePlugin({
      ...returning(() => null),
      segment: (ctx) => {
        for (const f of [0.2, 0.1, Number.NaN, 0.5, 7]) ctx.progress(f);
        return { plan: assign([0, 1, 0]) };
      },
    });
    const seen: number[] = [];
    await runStrategy(plugin, { accounts, reps, onProgress: (f) => seen.push(f) });
    expect(seen).toEqual([0.2, 0.2, 0.2, 0.5, 1, 1]);
  });

  it('gives the plugin a random source seeded by the run', async () => {
    const draws: number[] = [];
    const plugin = definePlugin({
      ...returning(() => null),
      segment: (ctx) => {
        draws.push(ctx.random.next());
        return { plan: assign([0, 0, 0]) };
      },
    });
    await runStrategy(plugin, { accounts, reps, seed: 9 });
    await runStrategy(plugin, { accounts, reps, seed: 9 });
    await runStrategy(plugin, { accounts, reps, seed: 10 });
    expect(draws[0]).toBe(draws[1]);
    expect(draws[2]).not.toBe(draws[0]);
  });
});
