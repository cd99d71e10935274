import { AccountTable, RepTable, runStrategy } from '@tessera/core';
import { pluginProperties, repIdsOf, runPluginConformance } from '@tessera/plugins/kit';
import { describe, expect, it } from 'vitest';
import { __PLUGIN_EXPORT__ } from './index.js';

// Tessera's conformance suite: valid plans, determinism, locks, cancellation within 100 ms,
// monotone progress and the awkward inputs; then properties on random small datasets.
runPluginConformance({ plugin: __PLUGIN_EXPORT__ });
pluginProperties({ plugin: __PLUGIN_EXPORT__ });

describe('__PLUGIN_ID__', () => {
  const reps = RepTable.fromRows([
    { id: 'big', capacity: 20 },
    { id: 'small', capacity: 10 },
  ]);

  it('deals the largest accounts first, each to the rep with the most room', async () => {
    const accounts = AccountTable.fromRows([
      { id: 'a', workload: 9 }, // big: 9/20 beats small: 9/10
      { id: 'b', workload: 8 }, // small: 8/10 beats big: 17/20
      { id: 'c', workload: 6 }, // big: 15/20 beats small: 14/10
      { id: 'd', workload: 4 }, // big: 19/20 beats small: 12/10
    ]);
    const { plan } = await runStrategy(__PLUGIN_EXPORT__, { accounts, reps });
    expect(repIdsOf(plan)).toEqual(['big', 'small', 'big', 'big']);
  });

  it('keeps locked accounts with their owner and counts them in its load', async () => {
    const accounts = AccountTable.fromRows([
      { id: 'held', workload: 10, owner: 'small', locked: true },
      { id: 'x', workload: 5 }, // big: 5/20 beats small: 15/10
    ]);
    const { plan } = await runStrategy(__PLUGIN_EXPORT__, { accounts, reps });
    expect(repIdsOf(plan)).toEqual(['small', 'big']);
  });

  it('balances the number of accounts when asked', async () => {
    const accounts = AccountTable.fromRows(
      Array.from({ length: 6 }, (_, i) => ({ id: `a${i}`, workload: i === 0 ? 100 : 1 })),
    );
    const { plan } = await runStrategy(
      __PLUGIN_EXPORT__,
      { accounts, reps },
      { measure: 'accounts' },
    );
    const ids = repIdsOf(plan);
    expect(ids.filter((id) => id === 'big')).toHaveLength(4);
    expect(ids.filter((id) => id === 'small')).toHaveLength(2);
  });
});
