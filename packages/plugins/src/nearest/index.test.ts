import { AccountTable, RepTable, runStrategy } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { nearest } from './index.js';

const reps = RepTable.fromRows([
  { id: 'ny', lat: 40.71, lon: -74.01, capacity: 10 },
  { id: 'chi', lat: 41.88, lon: -87.63, capacity: 10 },
  { id: 'chi2', lat: 41.88, lon: -87.63, capacity: 10 }, // same office as chi
  { id: 'remote', capacity: 10 }, // no home base
]);

const repIds = (plan: {
  territoryOf: Int32Array;
  territories: readonly { repId: string | null }[];
}) => Array.from(plan.territoryOf, (t) => (t < 0 ? null : plan.territories[t]!.repId));

describe('nearest', () => {
  it('assigns each account to the nearest home base, ties to the rep listed first', async () => {
    const accounts = AccountTable.fromRows([
      { id: 'philly', lat: 39.95, lon: -75.17 },
      { id: 'milwaukee', lat: 43.04, lon: -87.91 },
      { id: 'boston', lat: 42.36, lon: -71.06 },
    ]);
    const { plan } = await runStrategy(nearest, { accounts, reps });
    expect(repIds(plan)).toEqual(['ny', 'chi', 'ny']);
  });

  it('keeps locked accounts with their owner even when another rep is nearer', async () => {
    const accounts = AccountTable.fromRows([
      { id: 'philly', lat: 39.95, lon: -75.17, owner: 'chi2', locked: true },
    ]);
    const { plan } = await runStrategy(nearest, { accounts, reps });
    expect(repIds(plan)).toEqual(['chi2']);
  });

  it('leaves accounts without coordinates with their owner, or unassigned and reported', async () => {
    const accounts = AccountTable.fromRows([
      { id: 'owned', owner: 'remote' },
      { id: 'orphan', owner: 'left-the-company' },
      { id: 'nobody' },
    ]);
    const { plan, warnings } = await runStrategy(nearest, { accounts, reps });
    expect(repIds(plan)).toEqual(['remote', null, null]);
    expect(warnings).toEqual(['2 accounts without coordinates or a current owner left unassigned']);
  });

  it('rejects parameters it does not know', async () => {
    const accounts = AccountTable.fromRows([{ id: 'a', lat: 0, lon: 0 }]);
    await expect(runStrategy(nearest, { accounts, reps }, { k: 3 })).rejects.toThrow(
      'strategy "nearest": parameters: unknown key "k" (none are allowed here)',
    );
  });

  it('stops when the signal is aborted', async () => {
    const accounts = AccountTable.fromRows([{ id: 'a', lat: 0, lon: 0 }]);
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the planner'));
    await expect(
      runStrategy(nearest, { accounts, reps, signal: controller.signal }),
    ).rejects.toThrow('cancelled by the planner');
  });

  it('reports monotone progress ending at 1', async () => {
    const accounts = AccountTable.fromRows(
      Array.from({ length: 40_000 }, (_, i) => ({ id: `a${i}`, lat: 30 + (i % 10), lon: -90 })),
    );
    const seen: number[] = [];
    await runStrategy(nearest, { accounts, reps, onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
  });
});
