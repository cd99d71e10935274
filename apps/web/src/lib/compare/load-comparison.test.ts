import { AccountTable, RepTable } from '@tessera/core';
import { datasetToData, runScenario, type DatasetData } from '@tessera/scenarios';
import { describe, expect, it } from 'vitest';
import {
  ComparisonProblem,
  loadComparison,
  type ComparisonDeps,
  type ComparisonStep,
  type ScenarioRecord,
} from './load-comparison.ts';

const accounts = AccountTable.fromRows(
  Array.from({ length: 40 }, (_, i) => ({
    id: `a${String(i)}`,
    lat: 40 + (i % 8) * 0.3,
    lon: -100 + Math.floor(i / 8) * 0.4,
    workload: 1 + (i % 5),
    owner: i % 2 === 0 ? 'r1' : 'r2',
  })),
);
const reps = RepTable.fromRows([
  { id: 'r1', lat: 40.2, lon: -99.5, capacity: 100 },
  { id: 'r2', lat: 41.8, lon: -98.8, capacity: 100 },
  { id: 'r3', lat: 41, lon: -99, capacity: 100 },
]);
const DATA: DatasetData = datasetToData({ accounts, reps });

function record(id: string, name: string, dataset: string, extra: object = {}): ScenarioRecord {
  return {
    id,
    revision: 1,
    updatedAt: '2026-12-03T00:00:00.000Z',
    scenario: { version: 1, name, dataset: { id: dataset }, seed: 1, ...extra },
  };
}

function deps(records: ScenarioRecord[], loads: string[]): ComparisonDeps {
  return {
    getScenario: (id) => {
      const found = records.find((r) => r.id === id);
      return found ? Promise.resolve(found) : Promise.reject(new Error(`no ${id}`));
    },
    loadDataset: (id) => {
      loads.push(id);
      return Promise.resolve(DATA);
    },
    run: (_id, data, _record, scenario, { onProgress }) =>
      runScenario(
        { accounts: new AccountTable(data.accounts), reps: new RepTable(data.reps) },
        scenario,
        { onProgress },
      ),
  };
}

describe('loadComparison', () => {
  it('loads the dataset once, runs each scenario without its dataset reference, and compares', async () => {
    const loads: string[] = [];
    const steps: ComparisonStep['kind'][] = [];
    const records = [
      record('sc_1', 'Base', 'ds_1'),
      record('sc_2', 'Without r3', 'ds_1', { edits: [{ type: 'remove-rep', rep: 'r3' }] }),
    ];
    const loaded = await loadComparison(['sc_1', 'sc_2'], deps(records, loads), {
      signal: new AbortController().signal,
      onStep: (s) => steps.push(s.kind),
    });
    expect(loads).toEqual(['ds_1']);
    expect(loaded.names).toEqual(['Base', 'Without r3']);
    expect(loaded.comparison.scenarios.map((s) => s.name)).toEqual(['Base', 'Without r3']);
    expect(loaded.comparison.reps.find((r) => r.repId === 'r3')?.workload[1]).toBeNull();
    expect(steps[0]).toBe('scenarios');
    expect(steps).toContain('run');
    expect(steps.at(-1)).toBe('compare');
  });

  it('refuses scenarios of two datasets, naming them', async () => {
    const records = [record('sc_1', 'Base', 'ds_1'), record('sc_2', 'Other', 'ds_2')];
    const result = loadComparison(['sc_1', 'sc_2'], deps(records, []), {
      signal: new AbortController().signal,
    });
    await expect(result).rejects.toThrow(ComparisonProblem);
    await expect(result).rejects.toThrow(
      '"Other" is on another dataset than "Base": a comparison takes scenarios of one dataset. Remove one of them.',
    );
  });
});
