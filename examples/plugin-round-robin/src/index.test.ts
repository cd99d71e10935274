import { AccountTable, RepTable, runStrategy } from '@tessera/core';
import { pluginProperties, repIdsOf, runPluginConformance } from '@tessera/plugins/kit';
import { describe, expect, it } from 'vitest';
import { roundRobinByRegion } from './index.js';

runPluginConformance({ plugin: roundRobinByRegion });
describe('shuffle: false', () => {
  runPluginConformance({ plugin: roundRobinByRegion, params: { shuffle: false } });
});
pluginProperties({ plugin: roundRobinByRegion });

describe('round-robin-by-region', () => {
  const reps = RepTable.fromRows([{ id: 'r1' }, { id: 'r2' }]);

  it('deals region by region, alphabetically, accounts without a region last', async () => {
    const accounts = AccountTable.fromRows([
      { id: 'w1', region: 'west' },
      { id: 'e1', region: 'east' },
      { id: 'e2', region: 'east' },
      { id: 'w2', region: 'west' },
      { id: 'n' },
      { id: 'e3', region: 'east' },
    ]);
    const { plan } = await runStrategy(roundRobinByRegion, { accounts, reps }, { shuffle: false });
    // east: e1 r1, e2 r2, e3 r1; west: w1 r2, w2 r1; none: n r2
    expect(repIdsOf(plan)).toEqual(['r2', 'r1', 'r2', 'r1', 'r2', 'r1']);
  });

  it('leaves locked accounts with their owner and deals the rest', async () => {
    const accounts = AccountTable.fromRows([
      { id: 'a', region: 'east', owner: 'r2', locked: true },
      { id: 'b', region: 'east', owner: 'r2' },
      { id: 'c', region: 'east' },
    ]);
    const { plan } = await runStrategy(roundRobinByRegion, { accounts, reps }, { shuffle: false });
    expect(repIdsOf(plan)).toEqual(['r2', 'r1', 'r2']);
  });

  it('draws the order of the reps from the seed when shuffling', async () => {
    const many = RepTable.fromRows(Array.from({ length: 5 }, (_, r) => ({ id: `r${r}` })));
    const accounts = AccountTable.fromRows(
      Array.from({ length: 5 }, (_, i) => ({ id: `a${i}`, region: 'east' })),
    );
    const order = async (seed: number) =>
      repIdsOf((await runStrategy(roundRobinByRegion, { accounts, reps: many, seed })).plan);
    expect(await order(1)).toEqual(await order(1));
    // each rep still gets exactly one of the five accounts
    expect(new Set(await order(2)).size).toBe(5);
  });
});
