import { AccountTable, baselinePlan, RepTable } from '@tessera/core';
import { datasetToData, simulateRevenue } from '@tessera/scenarios';
import { describe, expect, it } from 'vitest';
import { createSimulationApi } from './simulation-api.ts';

const accounts = AccountTable.fromRows([
  { id: 'a1', lat: 40.75, lon: -73.99, potential: 9000, revenue: 4000, workload: 40, owner: 'ana' },
  { id: 'a2', lat: 40.73, lon: -74.0, potential: 2000, revenue: 500, workload: 10, owner: 'ana' },
  { id: 'a3', lat: 42.36, lon: -71.06, potential: 5000, revenue: 2500, workload: 30, owner: 'bo' },
]);
const reps = RepTable.fromRows([
  { id: 'ana', lat: 40.71, lon: -74.01, capacity: 80 },
  { id: 'bo', lat: 42.36, lon: -71.06, capacity: 80 },
]);

describe('createSimulationApi', () => {
  it("simulates the plan on the scenario's edited accounts, as simulateRevenue does", () => {
    const plan = baselinePlan(accounts, reps);
    const data = datasetToData({ accounts, reps });
    const scenario = { version: 1, name: 'same', edits: [] };
    const result = createSimulationApi().simulate(data, scenario, plan.toData(), {
      draws: 200,
      seed: 3,
    });
    const direct = simulateRevenue(accounts, reps, plan, { draws: 200, seed: 3 });
    expect(result.total).toEqual(direct.total);
    expect(result.total.p10).toBeLessThanOrEqual(result.total.p50);
    expect(result.total.p50).toBeLessThanOrEqual(result.total.p90);
  });

  it("refuses a plan that does not fit the scenario's accounts", () => {
    const plan = baselinePlan(accounts, reps);
    const data = datasetToData({ accounts, reps });
    const scenario = {
      version: 1,
      name: 'fewer',
      edits: [{ type: 'remove-accounts', accounts: { ids: ['a3'] } }],
    };
    expect(() => createSimulationApi().simulate(data, scenario, plan.toData())).toThrow();
  });
});
