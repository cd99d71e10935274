import { AccountTable, RepTable } from '@tessera/core';
import { ABSENT_ROW, runScenario, UNASSIGNED_ROW } from '@tessera/scenarios';
import { describe, expect, it } from 'vitest';
import { runMap, territoryLabeller } from './run-map.ts';

const accounts = AccountTable.fromRows(
  Array.from({ length: 12 }, (_, i) => ({
    id: `a${String(i)}`,
    name: i === 0 ? 'Acme' : '',
    lat: 40 + (i % 4) * 0.5,
    lon: -100 + Math.floor(i / 4),
    workload: 1 + i,
  })),
);
const reps = RepTable.fromRows([
  { id: 'r1', name: 'Ann', lat: 40.2, lon: -99.5, capacity: 100 },
  { id: 'r2', name: 'Bo', lat: 41.3, lon: -98.2, capacity: 100 },
  { id: 'r3', lat: Number.NaN, lon: Number.NaN, capacity: 100 },
]);

describe('runMap', () => {
  it("draws the run's plan over its edited accounts, with the reps that have a home", async () => {
    const run = await runScenario(
      { accounts, reps },
      {
        version: 1,
        name: 'x',
        edits: [
          { type: 'add-accounts', accounts: [{ id: 'new', lat: 41, lon: -99, workload: 2 }] },
        ],
      },
    );
    const map = runMap(run);
    expect(map.accounts.count).toBe(13);
    expect(map.accounts.territory).toBe(run.plan.territoryOf);
    expect(map.accounts.lon).toBe(run.edited.accounts.lon);
    expect(map.territories.map((t) => t.id)).toEqual(run.territories.map((t) => t.id));
    expect(map.reps.map((r) => r.id)).toEqual(['r1', 'r2']);
    for (const rep of map.reps) {
      const t = map.reps.find((r) => r.id === rep.id)!.territory!;
      expect(run.territories[t]!.repId).toBe(rep.id);
    }
    expect(map.accountLabel(0)).toEqual({ id: 'a0', name: 'Acme' });
    expect(map.accountLabel(12)).toEqual({ id: 'new', name: undefined });

    const label = territoryLabeller(run);
    expect(label(UNASSIGNED_ROW)).toBe('Unassigned');
    expect(label(ABSENT_ROW)).toBe('Not in the scenario');
    const first = run.territories[0]!;
    expect(label(first.id)).toContain(first.name);
  });
});
