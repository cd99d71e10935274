// The suite and the properties, run on a small well-behaved plugin: what a passing third-party
// strategy looks like to the kit.
import { definePlugin, Plan } from '@tessera/core';
import { z } from 'zod';
import { CONFORMANCE_CASES, pluginProperties, runPluginConformance } from './index.js';

/** Accounts stay with their owner; the rest are dealt to the reps in turn. */
const dealer = definePlugin({
  id: 'dealer',
  name: 'Dealer',
  version: '1.0.0',
  description: 'keeps owned accounts, deals the others round-robin',
  params: z.object({ yieldEvery: z.number().int().positive().default(500) }).strict(),
  async segment(ctx, { yieldEvery }) {
    const { accounts, reps, baseline, signal } = ctx;
    const repOf = baseline.repOf(reps);
    let next = ctx.random.int(Math.max(1, reps.length));
    for (let i = 0; i < accounts.length; i++) {
      if (i % yieldEvery === 0) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        signal.throwIfAborted();
        ctx.progress(i / accounts.length);
      }
      if (repOf[i]! < 0 && reps.length > 0) repOf[i] = next++ % reps.length;
    }
    ctx.progress(1);
    return { plan: Plan.fromRepAssignment(reps, repOf) };
  },
});

runPluginConformance({ plugin: dealer, params: { yieldEvery: 500 } });
runPluginConformance({
  plugin: { ...dealer, id: 'dealer-defaults' },
  cases: CONFORMANCE_CASES.filter((c) => c !== 'abort'),
});
pluginProperties({ plugin: dealer, numRuns: 20, maxAccounts: 10 });
