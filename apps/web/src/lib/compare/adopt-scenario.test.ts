import { describe, expect, it } from 'vitest';
import { adoptionOf } from './adoption-note.ts';
import { adoptScenario, type AdoptDeps } from './adopt-scenario.ts';
import type { ScenarioRecord } from './load-comparison.ts';

class Conflict extends Error {}

/** An in-memory scenario store with the API's revision rule. */
function store(initial: { id: string; dataset: string; description?: string }[]) {
  const rows = new Map<string, ScenarioRecord>(
    initial.map(({ id, dataset, description }) => [
      id,
      {
        id,
        revision: 1,
        updatedAt: '',
        scenario: {
          version: 1,
          name: id,
          dataset: { id: dataset },
          ...(description === undefined ? {} : { description }),
        },
      },
    ]),
  );
  let beforeNextSave: (() => void) | null = null;
  const deps: AdoptDeps = {
    listScenarios: () =>
      Promise.resolve(
        [...rows.values()].map((r) => ({
          id: r.id,
          datasetId: (r.scenario.dataset as { id: string }).id,
        })),
      ),
    getScenario: (id) => Promise.resolve(structuredClone(rows.get(id)!)),
    updateScenario: ({ id, revision, scenario }) => {
      const hook = beforeNextSave;
      beforeNextSave = null;
      hook?.();
      const row = rows.get(id)!;
      if (row.revision !== revision) return Promise.reject(new Conflict('stale'));
      rows.set(id, { ...row, revision: revision + 1, scenario });
      return Promise.resolve({ revision: revision + 1 });
    },
    isConflict: (error) => error instanceof Conflict,
  };
  return {
    deps,
    rows,
    interleave: (hook: () => void) => {
      beforeNextSave = hook;
    },
  };
}

const DAY = new Date('2026-12-03T12:00:00Z');
const description = (r: ScenarioRecord | undefined) =>
  r?.scenario.description as string | undefined;

describe('adoptScenario', () => {
  it('marks the chosen one and unmarks the others of its dataset only', async () => {
    const { deps, rows } = store([
      { id: 'a', dataset: 'ds1', description: 'Adopted on 2026-11-01.\nOld plan.' },
      { id: 'b', dataset: 'ds1', description: 'West push' },
      { id: 'c', dataset: 'ds2', description: 'Adopted on 2026-11-01.' },
    ]);
    const saved = await adoptScenario('b', ['a'], deps, DAY);
    expect(description(saved)).toBe('Adopted on 2026-12-03 over "a".\nWest push');
    expect(description(rows.get('a'))).toBe('Old plan.');
    expect(rows.get('a')!.revision).toBe(2);
    expect(description(rows.get('c'))).toBe('Adopted on 2026-11-01.');
    expect(rows.get('c')!.revision).toBe(1);
  });

  it('keeps an edit saved meanwhile by someone else', async () => {
    const { deps, rows, interleave } = store([{ id: 'a', dataset: 'ds1' }]);
    interleave(() => {
      const row = rows.get('a')!;
      rows.set('a', { ...row, revision: 2, scenario: { ...row.scenario, seed: 9 } });
    });
    const saved = await adoptScenario('a', [], deps, DAY);
    expect(saved.revision).toBe(3);
    expect(rows.get('a')!.scenario.seed).toBe(9);
    expect(adoptionOf(description(rows.get('a')))).not.toBeNull();
  });
});
