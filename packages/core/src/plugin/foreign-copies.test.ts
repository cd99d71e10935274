// A plugin installed beside the host may resolve its own copy of core or zod; these are the
// messages and allowances for that case.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PLAN_BRAND } from '../plan/plan.js';
import { AccountTable } from '../table/account-table.js';
import { RepTable } from '../table/rep-table.js';
import { definePlugin } from './contract.js';
import { PluginRegistry } from './registry.js';
import { runStrategy } from './run-strategy.js';

const accounts = AccountTable.fromRows([{ id: 'a' }, { id: 'b' }]);
const reps = RepTable.fromRows([{ id: 'r' }]);

/** What another copy's `Plan` looks like from here: same shape and brand, another class. */
class ForeignPlan {
  readonly territoryOf = new Int32Array(2);
  readonly territories = [{ id: 'T-r', name: 'r', repId: 'r' }];
  get [PLAN_BRAND](): true {
    return true;
  }
}

describe('plugins built against another copy', () => {
  it('says a plan came from another copy of core, and how to fix it', async () => {
    const plugin = definePlugin({
      id: 'foreign',
      name: 'Foreign',
      version: '1.0.0',
      description: 'returns a plan made by another copy of core',
      params: z.object({}),
      segment: () => ({ plan: new ForeignPlan() as never }),
    });
    await expect(runStrategy(plugin, { accounts, reps })).rejects.toThrow(
      'strategy "foreign" returned an invalid plan: the plan was made by another copy of @tessera/core than the one running it, so it cannot be trusted; install one copy: make @tessera/core a peerDependency of the plugin package (not a dependency, and never bundled), then dedupe (`pnpm dedupe` or `npm dedupe`)',
    );
  });

  it('still calls a result without a plan "no Plan"', async () => {
    const plugin = definePlugin({
      id: 'empty',
      name: 'Empty',
      version: '1.0.0',
      description: 'returns no plan',
      params: z.object({}),
      segment: () => ({ plan: { territoryOf: new Int32Array(2) } as never }),
    });
    await expect(runStrategy(plugin, { accounts, reps })).rejects.toThrow(
      'strategy "empty" returned an invalid plan: the result has no Plan',
    );
  });

  it('accepts a zod 4 schema that is not an instance of this copy’s ZodType', () => {
    const schema = z.object({});
    // What a schema from another copy of zod looks like here: zod's marks, another prototype.
    const foreign = Object.assign(Object.create(null) as object, {
      _zod: schema._zod,
      safeParse: schema.safeParse.bind(schema),
    });
    const registry = new PluginRegistry();
    const plugin = {
      ...definePlugin({
        id: 'x',
        name: 'X',
        version: '1.0.0',
        description: '',
        params: schema,
        segment: () => {
          throw new Error('not run');
        },
      }),
      params: foreign as never,
    };
    expect(() => registry.register(plugin)).not.toThrow();
    expect(() => registry.register({ ...plugin, id: 'y', params: {} as never })).toThrow(
      'plugin "y": params must be a zod 4 schema',
    );
  });
});
